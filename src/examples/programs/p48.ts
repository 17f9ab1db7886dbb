import { Timer } from 'threading';

function hello() {
  print('hello, world');
}

const t = new Timer(1, hello);
t.start(); // after 1 seconds, "hello, world" will be printed
