// server.py and client.py in one program: the playground has no second terminal, so the
// clients are processes too, and each sends fixed messages instead of reading input().
import { Process } from 'multiprocessing';
import { sleep } from 'time';
import {
  socket,
  AF_INET,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_REUSEADDR,
  Socket,
  encode,
  decode,
} from 'socket';

// 服务端需要做2个任务,建链接和收发数据
function talk(conn: Socket) {
  while (true) {
    const data = conn.recv(1024);
    if (data.length === 0) {
      break; // the client closed (Python's ConnectionResetError never happens here)
    }
    conn.send(encode(decode(data).toUpperCase()));
  }
  conn.close();
}

function server(ip: string, port: number, clients: string[]) {
  const s = socket(AF_INET, SOCK_STREAM);
  s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  s.bind([ip, port]);
  s.listen(5);
  for (const name of clients) new Process({ target: client, args: [name] }).start();
  // The article loops for ever (while True); here it serves one connection per client.
  for (let i = 0; i < clients.length; i++) {
    const [conn, address] = s.accept();
    const p = new Process({ target: talk, args: [conn] });
    p.start();
  }
  s.close();
}

// client.py
function client(name: string) {
  const client = socket(AF_INET, SOCK_STREAM);
  client.connect(['127.0.0.1', 8080]);
  for (const msg of [`hello from ${name}`, '', `${name} again`, 'bye']) {
    if (!msg) {
      continue;
    }
    client.send(encode(msg));
    const data = client.recv(1024);
    print(decode(data));
    sleep(0.5);
  }
  client.close();
}

if (__name__ === '__main__') {
  server('127.0.0.1', 8080, ['alice', 'bob', 'carol']);
}
