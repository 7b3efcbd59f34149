/**
 * Saves a blob as a file through the browser's download. In the desktop window Electron
 * handles the download itself and asks where to save it.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; give it a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}
