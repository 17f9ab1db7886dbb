import { Queue } from 'multiprocessing';

const q = new Queue(3);
q.put('first');
q.put({ second: null });
q.put('三');

// q.put(4); //阻塞
print(q.get());
print(q.get());
print(q.get());
