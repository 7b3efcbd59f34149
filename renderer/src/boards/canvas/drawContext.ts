/**
 * The part of the 2D context the board's drawing uses. Drawing code takes this rather than a
 * whole `CanvasRenderingContext2D`, so tests can hand it a recording fake (recordingContext.ts)
 * and assert what was drawn, in node, without a browser.
 */
export type DrawContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'setTransform'
  | 'clearRect'
  | 'fillRect'
  | 'strokeRect'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'rect'
  | 'roundRect'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'clip'
  | 'fillText'
  | 'drawImage'
  | 'measureText'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'globalAlpha'
  | 'lineCap'
  | 'lineJoin'
>
