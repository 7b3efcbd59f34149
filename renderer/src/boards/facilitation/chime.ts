import { readStored, writeStored } from '../../lib/browserStorage'
import { createValueStore, type ValueStore } from '../../lib/externalStore'

const MUTED_KEY = 'kryss.board.chimeMuted'

/** Whether the timer's chime is muted on this device (remembered across boards and restarts). */
export const chimeMuted: ValueStore<boolean> = (() => {
  const store = createValueStore(readStored('local', MUTED_KEY) === 'true')
  return {
    ...store,
    set(muted: boolean) {
      writeStored('local', MUTED_KEY, muted ? 'true' : undefined)
      store.set(muted)
    },
  }
})()

let context: AudioContext | undefined

/**
 * A soft two-tone chime (a rising fifth, under a second): sine tones with a quick attack and a
 * long fade, quiet enough for a meeting room. Made with WebAudio, so no sound file ships.
 * Does nothing when muted or where audio is unavailable.
 */
export function playChime(): void {
  if (chimeMuted.getSnapshot()) return
  try {
    context ??= new AudioContext()
    // Chromium suspends a context made before the page was interacted with; a board has been.
    if (context.state === 'suspended') void context.resume()
    const start = context.currentTime + 0.02
    tone(context, 659.25, start, 0.9)
    tone(context, 987.77, start + 0.22, 1.1)
  } catch {
    // No audio device or WebAudio blocked: the visual pulse still shows.
  }
}

function tone(audio: AudioContext, frequency: number, at: number, length: number): void {
  const oscillator = audio.createOscillator()
  const gain = audio.createGain()
  oscillator.type = 'sine'
  oscillator.frequency.value = frequency
  gain.gain.setValueAtTime(0.0001, at)
  gain.gain.exponentialRampToValueAtTime(0.12, at + 0.02)
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length)
  oscillator.connect(gain).connect(audio.destination)
  oscillator.start(at)
  oscillator.stop(at + length + 0.05)
}
