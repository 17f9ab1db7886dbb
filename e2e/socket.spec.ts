import { expect, runProgram, test } from './support/runner';

test('echo server: 20 concurrent clients, each gets its own bytes back; talk processes end', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
import { socket, Socket } from 'socket';
function talk(conn: Socket) {
  for (let data = conn.recv(4096); data.length > 0; data = conn.recv(4096)) conn.sendall(data);
  conn.close();
}
function client(k: number) {
  const c = socket();
  c.connect(['127.0.0.1', 9000]);
  const sent = new Uint8Array(20000).map((_, i) => (i * 31 + k) % 256);
  for (let at = 0; at < sent.length; at += 5000) c.sendall(sent.subarray(at, at + 5000));
  const got: number[] = [];
  while (got.length < sent.length) got.push(...c.recv(3000));
  c.close();
  print(k, got.length === sent.length && got.every((b, i) => b === sent[i]));
}
if (__name__ === '__main__') {
  const s = socket();
  s.bind(['127.0.0.1', 9000]);
  s.listen(20);
  const clients = Array.from({ length: 20 }, (_, k) => new Process({ target: client, args: [k] }));
  clients.forEach((p) => p.start());
  const talks: Process[] = [];
  for (let i = 0; i < 20; i++) {
    const [conn] = s.accept();
    const p = new Process({ target: talk, args: [conn] });
    p.start();
    talks.push(p);
    conn.close(); // the parent's copy; the child keeps its own
  }
  clients.forEach((p) => p.join());
  talks.forEach((p) => p.join());
  s.close();
  print('talks ended', talks.every((p) => p.exitCode === 0));
}`,
    { timeoutMs: 90_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout.filter((l) => /^\d+ true$/.test(l))).toHaveLength(20);
  expect(run.stdout.at(-1)).toBe('talks ended true');
});

test('socket errors: refused, address in use, recv after the peer closed is empty', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { socket, ConnectionRefusedError, encode, decode } from 'socket';
try { socket().connect(['127.0.0.1', 7]); } catch (e) { print((e as Error).name, (e as Error).message, e instanceof ConnectionRefusedError); }
const a = socket(); a.bind(['127.0.0.1', 8000]); a.listen(1);
try { socket().bind(['localhost', 8000]); } catch (e) { print((e as Error).message); }
try { socket().bind(['10.0.0.1', 1]); } catch (e) { print((e as Error).message.split(':')[0]); }
const c = socket(); c.connect(['127.0.0.1', 8000]);
const [conn, addr] = a.accept();
print('peer', addr[0], conn.getpeername()[1] === c.getsockname()[1]);
c.send('héllo'); c.close();
print(decode(conn.recv(3)), decode(conn.recv(100)), conn.recv(100).length);
try { conn.send('x'); } catch (e) { print((e as Error).name); }`,
  );
  expect(run.stdout).toEqual([
    'ConnectionRefusedError [Errno 111] Connection refused true',
    '[Errno 98] Address already in use',
    '[Errno 99] Cannot assign requested address',
    'peer 127.0.0.1 true',
    'hé llo 0',
    'BrokenPipeError',
  ]);
});
