import { spawn } from 'node:child_process';
import { HearsayError } from '../model/errors.js';
import type { SectionFigures } from './sections.js';

/**
 * Runs `node script ...args` (bench section `label`) and parses the JSON object on the last line of its output. The child's stderr
 * goes straight through, so its messages reach the user.
 */
export function runChild(script: string, args: readonly string[], label: string): Promise<SectionFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new HearsayError(`section '${label}' exited with status ${code}`));
      try {
        resolve(JSON.parse(last) as SectionFigures);
      } catch {
        reject(new HearsayError(`section '${label}' printed no JSON figures`));
      }
    });
  });
}
