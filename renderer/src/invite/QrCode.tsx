import { create } from 'qrcode'
import { useMemo } from 'react'

/** Light modules around the code: scanners need a quiet zone of at least four. */
const QUIET_ZONE = 4

/**
 * A QR code drawn as one SVG path, so it stays sharp at any size (a projector, a phone held
 * at the back of the room). Always dark on white, whatever the theme: many scanners cannot
 * read an inverted code.
 */
export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { size, path } = useMemo(() => {
    // Level L: an invite is long, and fewer, larger modules scan from further away. A code on
    // a screen is not scuffed like a printed one, so the lowest error correction is enough.
    const { modules } = create(text, { errorCorrectionLevel: 'L' })
    let d = ''
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`
      }
    }
    return { size: modules.size + QUIET_ZONE * 2, path: d }
  }, [text])
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  )
}
