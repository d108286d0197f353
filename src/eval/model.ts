import { readFileSync } from 'node:fs';
import { HearsayError } from '../model/errors.js';
import { deserializeModel, type AttributionModel } from '../extract/tagger.js';

/** Reads a tagger model written by `npm run train`, so eval and bench can try a candidate before it ships. */
export function readModelFile(path: string): AttributionModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new HearsayError('cannot read the model file', { input: path });
  }
  try {
    return deserializeModel(bytes);
  } catch (error) {
    throw new HearsayError(`not a model this build can read (${error instanceof Error ? error.message : String(error)})`, { input: path });
  }
}
