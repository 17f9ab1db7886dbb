/**
 * A program of about `bytes` bytes of short statements, in blocks: a function of ten
 * statements, then ten top-level calls of it (each of which the compile step guards). It
 * leaves `total` at `900 * blocks`.
 */
export function manyShortStatements(bytes: number): { source: string; blocks: number } {
  const lines = ['let total = 0;'];
  let size = 0;
  let blocks = 0;
  for (; size < bytes; blocks++) {
    const text = [`function add${blocks}(n: number): void {`];
    for (let i = 0; i < 10; i++) text.push(`  total += n + ${i};`);
    text.push('}');
    for (let i = 0; i < 10; i++) text.push(`add${blocks}(${i});`);
    lines.push(...text);
    size += text.join('\n').length + 1;
  }
  return { source: lines.join('\n'), blocks };
}
