/**
 * File names for exported notes: the title, made safe on Windows, macOS and Linux alike, and
 * unique in its folder regardless of case ("Title.md", "Title (2).md"), since macOS and Windows
 * treat "Plan.md" and "plan.md" as one file.
 */

/** Longest name stem, in characters; leaves room for " (99).md" within common limits. */
export const MAX_FILE_STEM = 100

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** A title as a file name stem: no path separators, control or reserved characters. */
export function safeFileStem(title: string): string {
  let stem = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Leading dots hide files; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
  if ([...stem].length > MAX_FILE_STEM) stem = [...stem].slice(0, MAX_FILE_STEM).join('').trim()
  if (stem === '' || RESERVED_WINDOWS.test(stem)) stem = stem === '' ? 'Untitled' : `${stem}_`
  return stem
}

/** Hands out unique names in one folder. */
export function createFileNamer(): (title: string, extension: string) => string {
  const taken = new Set<string>()
  return (title, extension) => {
    const stem = safeFileStem(title)
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}.${extension}` : `${stem} (${n}).${extension}`
      const key = name.toLocaleLowerCase('en')
      if (!taken.has(key)) {
        taken.add(key)
        return name
      }
    }
  }
}
