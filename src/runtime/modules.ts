import { nameExports } from './class-names';
import { isKernelSpecifier, type ModuleName } from './module-names';
import { userKernelModule } from './kernels/user';
import * as concurrentFutures from './modules/concurrent-futures';
import * as display from './modules/display';
import * as fs from './modules/fs';
import * as kernels from './modules/kernels';
import * as multiprocessing from './modules/multiprocessing';
import * as os from './modules/os';
import * as queue from './modules/queue';
import * as random from './modules/random';
import * as socket from './modules/socket';
import * as threading from './modules/threading';
import * as time from './modules/time';

/** The modules a program imports, by name (module-names.ts lists the same names for the compiler). */
export const MODULES: Record<ModuleName, object> = {
  multiprocessing,
  threading,
  queue,
  'concurrent.futures': concurrentFutures,
  socket,
  time,
  os,
  random,
  fs,
  kernels,
  display,
};

// Their classes and functions print, and read through `.name`, as the program imports them.
for (const exports of Object.values(MODULES)) nameExports(exports);

/** A playground module, or a kernel file of the program (`./name.as`, see kernels/user.ts). */
export function moduleByName(name: string): object {
  if (isKernelSpecifier(name)) return userKernelModule(name);
  const found = (MODULES as Record<string, object>)[name];
  if (!found) throw new Error(`internal: module '${name}' passed the compiler but is not loaded`);
  return found;
}
