/** Python's `socket` module, on the playground's in-page loopback network (net/socket.ts). */
export {
  socket,
  Socket,
  AF_INET,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_REUSEADDR,
  encode,
  decode,
  OSError,
  ConnectionRefusedError,
  type Address,
} from '../net/socket';
export { BrokenPipeError } from '../queue/errors';
