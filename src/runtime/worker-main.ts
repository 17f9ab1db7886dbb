/** Entry point of every process Worker: waits in the pool until the page assigns it a process. */
import { reportAsyncErrors, runAssignment } from './bootstrap';
import { notify } from './channel';
import type { PageMessage } from './protocol';

Error.stackTraceLimit = 50;
reportAsyncErrors();

function onAssign(event: MessageEvent<PageMessage>): void {
  if (event.data?.t !== 'assign') return;
  self.removeEventListener('message', onAssign); // one process per Worker
  void runAssignment(event.data.assignment);
}
self.addEventListener('message', onAssign);
notify({ t: 'ready' });
