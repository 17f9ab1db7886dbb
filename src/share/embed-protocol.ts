/**
 * The messages an embedded playground posts to the page that embeds it (`window.parent`).
 * This is a public API: tutorial pages listen for it (see the README), so a change to a shape
 * is a new `type`, never an edit of an old one.
 */

export const HEIGHT_MESSAGE = 'concurrency-playground:height';

/**
 * The height, in CSS pixels, the embed's content needs; posted when the page is ready and
 * whenever that height changes. The parent sets the iframe's height to it.
 */
export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  /** The embed's `id` URL parameter, or null: tells several embeds on one page apart. */
  id: string | null;
  height: number;
}

export function isHeightMessage(data: unknown): data is HeightMessage {
  const message = data as Partial<HeightMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.type === HEIGHT_MESSAGE &&
    typeof message.height === 'number'
  );
}
