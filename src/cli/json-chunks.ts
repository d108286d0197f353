/**
 * JSON text in pieces, for values whose text could pass V8's longest string (about 512 MiB): the analysis of a huge
 * document, with its statements, entities and mentions. Objects and arrays down to `splitDepth` are written member by
 * member; anything deeper is one JSON.stringify. Joined, the pieces equal `JSON.stringify(value, null, space)`
 * (plain data only: no toJSON, no replacer).
 */
export function* jsonChunks(value: unknown, space: 0 | 2, splitDepth = 2, depth = 0): Generator<string> {
  const splittable = depth < splitDepth && value !== null && typeof value === 'object';
  if (!splittable) {
    const json = JSON.stringify(value, null, space);
    // Nested text is indented by its depth, as JSON.stringify indents it inside its parent.
    yield space === 0 || depth === 0 ? json : json.replace(/\n/g, `\n${' '.repeat(space * depth)}`);
    return;
  }
  const inner = space === 0 ? '' : `\n${' '.repeat(space * (depth + 1))}`;
  const outer = space === 0 ? '' : `\n${' '.repeat(space * depth)}`;
  const colon = space === 0 ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let index = 0; index < value.length; index++) {
      yield `${index === 0 ? '[' : ','}${inner}`;
      const element: unknown = value[index];
      // As JSON.stringify: undefined and functions in an array become null.
      yield* jsonChunks(element === undefined || typeof element === 'function' ? null : element, space, splitDepth, depth + 1);
    }
    yield `${outer}]`;
    return;
  }
  let written = 0;
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    // As JSON.stringify: members that are undefined or functions are left out.
    if (member === undefined || typeof member === 'function') continue;
    yield `${written === 0 ? '{' : ','}${inner}${JSON.stringify(key)}${colon}`;
    yield* jsonChunks(member, space, splitDepth, depth + 1);
    written++;
  }
  yield written === 0 ? '{}' : `${outer}}`;
}
