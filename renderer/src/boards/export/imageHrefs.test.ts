import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createItems } from '../../../../shared/model/board/commands'
import { ANNE } from '../../../../shared/model/board/testing'
import { visibleItems } from '../../../../shared/model/board/visibility'
import { addNoteFile } from '../../../../shared/model/noteFiles'
import { renderBoardSvg } from './boardSvg'
import { boardImageHrefs, dataUrl } from './imageHrefs'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

describe('pictures in exports', () => {
  it('writes bytes as a base64 data URL, large ones too', () => {
    expect(dataUrl('image/png', PNG)).toBe(
      `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
    )
    const large = new Uint8Array(200_000).map((_, i) => i % 251)
    expect(dataUrl('image/jpeg', large)).toBe(
      `data:image/jpeg;base64,${Buffer.from(large).toString('base64')}`,
    )
  })

  it('puts an image’s picture into the SVG; one whose bytes are missing stays a labelled box', async () => {
    const doc = new Y.Doc()
    const fileId = await addNoteFile(doc, {
      bytes: PNG,
      type: 'image/png',
      name: 'ovn.png',
      addedBy: ANNE.id,
      now: 1,
    })
    createItems(
      doc,
      [
        { kind: 'image', x: 0, y: 0, w: 300, h: 200, fileId, alt: 'Ovnen' },
        { kind: 'image', x: 400, y: 0, fileId: 'f-missing' },
      ],
      { actor: ANNE, now: 2 },
    )
    const hrefs = boardImageHrefs(doc)
    expect(hrefs('f-missing')).toBeUndefined()
    const { svg } = renderBoardSvg(visibleItems(doc, ANNE), {
      imageHref: hrefs,
      labels: { image: 'Bilde', locked: 'Låst' },
    })
    expect(svg).toContain(
      `<image x="0" y="0" width="300" height="200" href="${dataUrl('image/png', PNG)}"`,
    )
    expect(svg.match(/<image /g)).toHaveLength(1)
    expect(svg).toContain('>Bilde</tspan>')
  })
})
