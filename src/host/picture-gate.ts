import type { DisplayItem } from '../runtime/display-item';

/** A picture to hand on: the process that showed it, when, and what. */
export interface Picture {
  pid: number;
  at: number;
  item: DisplayItem;
}

export interface PictureLimits {
  /** Pictures (images by array, charts by title, each untitled chart) per run. */
  pictures: number;
  /** All images' pixels together (each costs its width * height * 4 bytes on the page). */
  pixels: number;
}

/** A picture shown again sooner than this after its last drawing waits, and only the newest is drawn. */
const REDRAW_MS = 50;

/**
 * The page's side of a run's pictures: caps how many there are and how many pixels they take
 * (counted here, not in the Worker), and hands each on at most once per REDRAW_MS, keeping
 * only the newest version of a picture shown in a loop. A picture past a cap is not shown,
 * and the process is told so once (`tell`), with the rule.
 */
export class PictureGate {
  /** Pixels of each image key shown so far; charts count as pictures only. */
  private readonly known = new Map<string, number>();
  private readonly waiting = new Map<string, Picture>();
  private pixels = 0;
  private untitled = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastDraw = -Infinity;
  private told = false;

  constructor(
    private readonly limits: PictureLimits,
    private readonly emit: (picture: Picture) => void,
    /** Tells the process once that a picture was not shown, and why. */
    private readonly tell: (pid: number, why: string) => void,
  ) {}

  show(picture: Picture): void {
    const { item } = picture;
    const key =
      item.kind === 'image' ? `image ${item.key}` : `chart ${item.title || `#${this.untitled++}`}`;
    const area = item.kind === 'image' ? item.width * item.height : 0;
    const before = this.known.get(key);
    if (before === undefined && this.known.size >= this.limits.pictures)
      return this.tellOnce(picture.pid, `more than ${this.limits.pictures} pictures in one run`);
    if (this.pixels - (before ?? 0) + area > this.limits.pixels)
      return this.tellOnce(
        picture.pid,
        `images of more than ${this.limits.pixels} pixels together in one run`,
      );
    this.pixels += area - (before ?? 0);
    this.known.set(key, area);
    this.waiting.delete(key); // re-inserted last: pictures are drawn in the order last shown
    this.waiting.set(key, picture);
    this.timer ??= setTimeout(
      () => this.flush(),
      Math.max(0, this.lastDraw + REDRAW_MS - performance.now()),
    );
  }

  /** Hands on every waiting picture now (the run ended). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastDraw = performance.now();
    const pictures = [...this.waiting.values()];
    this.waiting.clear();
    for (const picture of pictures) this.emit(picture);
  }

  /** Drops what waits (Stop). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting.clear();
  }

  private tellOnce(pid: number, why: string): void {
    if (this.told) return;
    this.told = true;
    this.tell(pid, why);
  }
}
