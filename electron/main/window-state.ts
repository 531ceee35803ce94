import { readFile, writeFile, rename } from 'node:fs/promises';
import type { Rectangle } from 'electron';

/**
 * The window's last position and size, restored at start. A corrupt or off-screen state falls back
 * to the defaults instead of opening a window nobody can see.
 */
export async function loadWindowState(path: string, screens: readonly Rectangle[]): Promise<Partial<Rectangle> | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<Rectangle>;
    const { x, y, width, height } = parsed;
    if (![x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
    const bounds = { x: x as number, y: y as number, width: Math.max(900, width as number), height: Math.max(600, height as number) };
    const visible = screens.some((s) => bounds.x < s.x + s.width - 100 && bounds.x + bounds.width > s.x + 100 && bounds.y >= s.y - 10 && bounds.y < s.y + s.height - 100);
    return visible ? bounds : { width: bounds.width, height: bounds.height };
  } catch {
    return undefined;
  }
}

/** Saves the bounds atomically (write then rename), so a crash never leaves half a file. */
export async function saveWindowState(path: string, bounds: Rectangle): Promise<void> {
  await writeFile(`${path}.tmp`, JSON.stringify(bounds));
  await rename(`${path}.tmp`, path);
}
