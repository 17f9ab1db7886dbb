let compiled: Promise<WebAssembly.Module | null> | undefined;

/**
 * The AssemblyScript kernels, compiled once per page and sent to every process Worker (a
 * WebAssembly.Module can be posted; each Worker instantiates it over the run's memory).
 * Null when kernels.wasm cannot be loaded: programs that use no kernel still run.
 */
export function kernelsModule(): Promise<WebAssembly.Module | null> {
  compiled ??= WebAssembly.compileStreaming(fetch(new URL('kernels.wasm', document.baseURI))).catch(
    () => null,
  );
  return compiled;
}
