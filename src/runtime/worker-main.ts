/**
 * Entry point of every process Worker: waits in the pool until the page assigns it a process,
 * and, when the page recycles it after that process ended, for another (process-state.ts).
 */
import { reportAsyncErrors, runAssignment } from './bootstrap';
import { sayIdle } from './channel';
import { lockDown } from './lockdown';
import { recycle, trackTimers } from './process-state';
import type { PageMessage } from './protocol';
import { leftovers, watchRealm } from './realm-watch';

Error.stackTraceLimit = 50;
reportAsyncErrors();
trackTimers();
lockDown();

/** The process this Worker runs, from its assignment until the page recycles the Worker. */
let running: Promise<void> | null = null;

self.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  if (message?.t === 'assign' && !running) {
    running = runAssignment(message.assignment);
  } else if (message?.t === 'recycle' && running) {
    void running.then(() => {
      recycle();
      const why = leftovers();
      if (why) return sayIdle({ t: 'spoiled', why });
      running = null;
      sayIdle({ t: 'ready' });
    });
  }
});
watchRealm(); // last: the runtime's own listeners are in place
sayIdle({ t: 'ready' });
