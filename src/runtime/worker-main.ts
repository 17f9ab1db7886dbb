/** Entry point of every process Worker: waits in the pool until the page assigns it a process. */
import * as Comlink from 'comlink';
import { reportAsyncErrors, runAssignment } from './bootstrap';
import { notify } from './channel';
import type { WorkerApi } from './protocol';

Error.stackTraceLimit = 50;
reportAsyncErrors();

const api: WorkerApi = {
  assign(assignment) {
    void runAssignment(assignment);
  },
};
Comlink.expose(api);
notify({ t: 'ready' });
