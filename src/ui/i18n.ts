/**
 * The page's own words in Chinese and English. Elements carry `data-i18n` (text),
 * `data-i18n-label` (aria-label) or `data-i18n-title` (tooltip) with a key of WORDS, and
 * `applyLang` fills them in; the lessons bring their own zh/en texts.
 */
import type { Text } from '../examples/lesson';
import { savedSetting, saveSetting } from './storage';

export type Lang = keyof Text;

const WORDS = {
  lesson: { zh: '课程', en: 'Lesson' },
  welcome: { zh: '欢迎', en: 'Welcome' },
  run: { zh: '运行', en: 'Run' },
  runTitle: { zh: '运行 (Ctrl+Enter)', en: 'Run (Ctrl+Enter)' },
  stop: { zh: '停止', en: 'Stop' },
  stopTitle: { zh: '停止 (Esc)', en: 'Stop (Esc)' },
  reset: { zh: '重置课程', en: 'Reset lesson' },
  resetTitle: { zh: '丢弃修改,恢复课程原来的程序', en: "Discard edits: the lesson's own program" },
  running: { zh: '运行中…', en: 'running…' },
  detectRaces: { zh: '检测数据竞争', en: 'Detect races' },
  detectRacesTitle: {
    zh: '检查每次对共享值和共享数组的读写:两个进程的冲突访问若没有任何同步排定先后,就报告数据竞争。运行会变慢;从下一次运行起生效。',
    en: 'Check every read and write of shared values and arrays: two processes’ conflicting accesses that no synchronisation orders are reported as a data race. Runs slower; applies from the next Run.',
  },
  raceCurrentLine: {
    zh: '数据竞争:这一行的访问与更早的一次访问冲突,两者之间没有同步。',
    en: 'Data race: this line’s access conflicts with an earlier one, and nothing orders them.',
  },
  racePreviousLine: {
    zh: '数据竞争:之后的一次访问与这一行的访问冲突,两者之间没有同步。',
    en: 'Data race: a later access conflicts with this line’s, and nothing orders them.',
  },
  raceBothLine: {
    zh: '数据竞争:两个进程在这一行的访问互相冲突,两者之间没有同步。',
    en: 'Data race: two processes’ accesses on this line conflict, and nothing orders them.',
  },
  raceMoment: { zh: '数据竞争:第 {line} 行的{access}', en: 'data race: {access} at line {line}' },
  raceMomentNoLine: { zh: '数据竞争:{access}', en: 'data race: {access}' },
  raceWrite: { zh: '写', en: 'write' },
  raceRead: { zh: '读', en: 'read' },
  raceLater: { zh: '(后一次访问)', en: ' (the later access)' },
  raceEarlier: { zh: '(前一次访问)', en: ' (the earlier access)' },
  dataRace: { zh: '数据竞争', en: 'data race' },
  language: { zh: '语言', en: 'Language' },
  theme: { zh: '主题', en: 'Theme' },
  themeSystem: { zh: '跟随系统', en: 'System' },
  themeLight: { zh: '浅色', en: 'Light' },
  themeDark: { zh: '深色', en: 'Dark' },
  browserDiffers: { zh: '浏览器与 CPython 的不同:', en: 'Where the browser differs: ' },
  notIsolated: {
    zh: '这个页面没有跨源隔离,Worker 之间不能共享内存,程序无法运行。请用 COOP: same-origin 和 COEP: require-corp 提供页面。',
    en: 'This page is not cross-origin isolated, so it cannot share memory between Workers and programs cannot run. Serve it with COOP: same-origin and COEP: require-corp.',
  },
  editor: { zh: '编辑器', en: 'Editor' },
  programEditor: { zh: '程序编辑器', en: 'Program editor' },
  files: { zh: '文件', en: 'Files' },
  addKernel: { zh: '添加 AssemblyScript 内核文件', en: 'Add an AssemblyScript kernel file' },
  renameFile: { zh: '文件名', en: 'File name' },
  deleteFile: { zh: '删除', en: 'Delete' },
  badFileName: {
    zh: '内核文件名:字母、数字、_ 或 -,以 .as.ts 结尾',
    en: 'A kernel file name: letters, digits, _ or -, ending in .as.ts',
  },
  fileExists: { zh: '已有同名文件', en: 'A file of that name exists' },
  console: { zh: '控制台', en: 'Console' },
  allProcesses: { zh: '全部进程', en: 'All processes' },
  showProcess: { zh: '显示进程', en: 'Show process' },
  timestamps: { zh: '时间戳', en: 'Timestamps' },
  copyAll: { zh: '复制全部', en: 'Copy all' },
  copied: { zh: '已复制', en: 'Copied' },
  processes: { zh: '进程', en: 'Processes' },
  timeline: { zh: '时间线', en: 'Timeline' },
  resize: { zh: '调整编辑器与控制台的宽度', en: 'Resize editor and console' },
  pid: { zh: 'pid', en: 'pid' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  state: { zh: '状态', en: 'State' },
  started: { zh: '开始', en: 'Started' },
  ended: { zh: '结束', en: 'Ended' },
  exitCode: { zh: '退出码', en: 'Exit code' },
  noRun: { zh: '运行程序后,这里显示它的进程。', en: 'Run a program to see its processes here.' },
  starting: { zh: '启动中', en: 'starting' },
  runningState: { zh: '运行', en: 'running' },
  blocked: { zh: '阻塞', en: 'blocked' },
  blockedOn: { zh: '阻塞于', en: 'blocked on' },
  sleeping: { zh: '睡眠', en: 'sleeping' },
  done: { zh: '结束', en: 'done' },
  inCycle: { zh: '在死锁环中', en: 'in the deadlock cycle' },
  process: { zh: '进程', en: 'Process' },
  startMs: { zh: '开始 (ms)', en: 'Start (ms)' },
  endMs: { zh: '结束 (ms)', en: 'End (ms)' },
  stillGoing: { zh: '仍在进行', en: 'still going' },
  timelineTable: {
    zh: '时间线:每个进程各段时间的状态,以运行开始后的毫秒计。',
    en: 'Timeline: what each process did when, in ms since the run started.',
  },
  zoomForRest: { zh: '段;放大可看到其余各段。', en: 'stretches shown; zoom in for the rest.' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  zoomFit: { zh: '适应', en: 'Fit' },
  panEarlier: { zh: '更早', en: 'Earlier' },
  panLater: { zh: '更晚', en: 'Later' },
  share: { zh: '分享', en: 'Share' },
  shareTitle: { zh: '把程序放进链接并复制', en: 'Put the program in a link and copy it' },
  embedCode: { zh: '复制嵌入代码', en: 'Copy embed code' },
  embedCodeTitle: {
    zh: '复制一个嵌入这个程序的 <iframe>',
    en: 'Copy an <iframe> that embeds this program',
  },
  shareLink: { zh: '分享链接', en: 'Share link' },
  copiedNote: { zh: '已复制。', en: 'Copied.' },
  copyFromField: { zh: '请从输入框复制。', en: 'Copy it from the field.' },
  openPlayground: { zh: '在 Playground 中打开 ↗', en: 'Open in playground ↗' },
  openNewTab: { zh: '在新标签页中打开', en: 'Open in a new tab' },
  frameNotIsolated: {
    zh: '程序不能在这个框架里运行:外面的页面没有跨源隔离,这个浏览器也不能单独隔离这个框架。',
    en: 'Programs cannot run in this frame: the page around it is not cross-origin isolated, and this browser cannot isolate the frame by itself. ',
  },
  // Step mode and schedules (#17): src/ui/step-*.ts, explore-page.ts.
  step: { zh: '单步', en: 'Step' },
  stepTitle: {
    zh: '暂停启动程序:每一步由你决定哪个进程执行',
    en: 'Start the program paused: you choose which process takes each step',
  },
  fineSteps: { zh: '细粒度', en: 'Fine steps' },
  fineStepsTitle: {
    zh: '对共享值和共享数组的每次读、写也各算一步(counter.value += 1 是先读后写两步)',
    en: 'Every read and write of a shared value or array is a step too (counter.value += 1 is a read, then a write)',
  },
  findFailing: { zh: '找出失败的调度', en: 'Find a failing schedule' },
  findFailingTitle: {
    zh: '在最多 200 种调度下运行程序(细粒度),直到有一次失败:未捕获的异常、非零退出码或死锁',
    en: 'Run the program under up to 200 schedules (fine steps) until one fails: an uncaught exception, a non-zero exit code, a deadlock',
  },
  stepPanel: { zh: '调度', en: 'Schedule' },
  stepAsk: {
    zh: '第 {n} 步:选择执行这一步的进程(点击它,或按它的编号)。',
    en: 'Step {n}: pick the process that takes it (click it, or press its number).',
  },
  stepAskReplay: {
    zh: '第 {n} 步:调度把这一步交给标记的进程(下一步),你也可以选别的进程。',
    en: 'Step {n}: the schedule gives it to the marked process (Next step); you may pick another.',
  },
  stepMoving: { zh: '进程在走向下一步…', en: 'The process is on its way to its next step…' },
  stepFree: { zh: '自由运行中…', en: 'Running freely…' },
  stepOver: { zh: '运行结束。撤销可以回到上一步。', en: 'The run is over. Undo goes back a step.' },
  stepPickTitle: { zh: '执行这一步(按 {key})', en: 'Take this step (key {key})' },
  stepScheduled: { zh: '调度的下一步', en: 'next in the schedule' },
  stepWaitsFor: { zh: '等待 {on}', en: 'waits for {on}' },
  stepNext: { zh: '下一步', en: 'Next step' },
  stepNextTitle: {
    zh: '把这一步交给调度中的进程',
    en: 'Give this step to the process the schedule gives it to',
  },
  stepRunFreely: { zh: '自由运行', en: 'Run freely' },
  stepRunFreelyTitle: {
    zh: '剩下的步骤不再停下,自动执行',
    en: 'Let the rest run without stopping',
  },
  stepPlayToEnd: { zh: '播放到结束', en: 'Play to the end' },
  stepUndo: { zh: '撤销', en: 'Undo' },
  stepUndoTitle: {
    zh: '回到上一步(从头重放到那一步)',
    en: 'Go back one step (replays the run up to it)',
  },
  replaySchedule: { zh: '逐步重放', en: 'Replay step by step' },
  replayScheduleTitle: {
    zh: '按这个调度重新运行程序,一步一步来',
    en: 'Run the program again under this schedule, one step at a time',
  },
  linkSchedule: {
    zh: '这个链接带有一个 {steps} 步的调度。',
    en: 'This link carries a schedule of {steps} steps.',
  },
  linkScheduleBad: {
    zh: '这个链接里的调度无法读取,不能重放:{why}',
    en: 'The schedule in this link cannot be read, so it cannot be replayed: {why}',
  },
  schedulesTried: { zh: '已尝试的调度', en: 'Schedules tried' },
  exploring: { zh: '正在尝试调度:{n} / {max}', en: 'Trying schedules: {n} of {max}' },
  exploreNoneFailed: {
    zh: '尝试了 {n} 种调度,都没有失败。',
    en: 'Tried {n} schedules: none failed.',
  },
  exploreFound: {
    zh: '第 {n} 种调度失败了:{why}。控制台显示了它的输出。',
    en: 'Schedule {n} fails: {why}. The console shows its output.',
  },
  exploreStopped: { zh: '试了 {n} 种调度后停止。', en: 'Stopped after {n} schedules.' },
  whyExit: { zh: '主进程以退出码 {code} 结束', en: 'the main process exited with code {code}' },
  whyException: { zh: '{name} 抛出了异常', en: '{name} raised an exception' },
  whyDeadlock: { zh: '死锁', en: 'a deadlock' },
  whyRace: { zh: '数据竞争', en: 'a data race' },
  whyCompile: { zh: '程序无法编译', en: 'the program does not compile' },
  pointBegin: { zh: '即将开始', en: 'about to begin' },
  pointResume: { zh: '等待结束,即将继续', en: 'about to go on after its wait' },
  pointAcquire: { zh: '即将获取 {obj}', en: 'about to acquire {obj}' },
  pointRelease: { zh: '即将释放 {obj}', en: 'about to release {obj}' },
  pointWait: { zh: '即将等待 {obj}', en: 'about to wait on {obj}' },
  pointNotify: { zh: '即将通知 {obj}', en: 'about to notify {obj}' },
  pointSet: { zh: '即将设置 {obj}', en: 'about to set {obj}' },
  pointPut: { zh: '即将向 {obj} 放入', en: 'about to put into {obj}' },
  pointGet: { zh: '即将从 {obj} 取出', en: 'about to get from {obj}' },
  pointStart: { zh: '即将启动一个进程', en: 'about to start a process' },
  pointJoin: { zh: '即将等待 {obj} 的任务全部完成', en: 'about to join {obj}' },
  pointJoinProcess: { zh: '即将等待一个进程结束', en: 'about to wait for a process to end' },
  pointSleep: { zh: '即将睡眠', en: 'about to sleep' },
  pointPrint: { zh: '即将打印', en: 'about to print' },
  pointRead: { zh: '即将读取 {obj}', en: 'about to read {obj}' },
  pointWrite: { zh: '即将写入 {obj}', en: 'about to write {obj}' },
} satisfies Record<string, Text>;

export type WordKey = keyof typeof WORDS;

let current: Lang =
  (savedSetting('lang') as Lang | null) ??
  (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');

export const lang = (): Lang => current;

export function t(key: WordKey): string {
  return WORDS[key][current];
}

/** `key`'s words with each `{name}` in them replaced by `values[name]`. */
export function tf(key: WordKey, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** `element`, marked with its words' keys and filled in (applyLang refills it on a switch). */
export function worded<E extends HTMLElement>(element: E, text: WordKey, title?: WordKey): E {
  element.dataset.i18n = text;
  element.textContent = t(text);
  if (title) {
    element.dataset.i18nTitle = title;
    element.title = t(title);
  }
  return element;
}

/** Switches the language (remembered if `remember`) and refills the marked elements under `root`. */
export function setLang(next: Lang, root: ParentNode, remember: boolean): void {
  current = next;
  if (remember) saveSetting('lang', next);
  applyLang(root);
}

export function applyLang(root: ParentNode): void {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = t(el.dataset.i18n as WordKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as WordKey));
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]'))
    el.title = t(el.dataset.i18nTitle as WordKey);
}
