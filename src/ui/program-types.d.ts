/** scripts/program-types.ts: the playground modules' declarations, generated at build time. */
declare module 'virtual:program-types' {
  const types: {
    /** Declaration files by path under `compilerOptions.baseUrl`. */
    files: Record<string, string>;
    compilerOptions: Record<string, unknown>;
  };
  export default types;
}
