import type { TFunction } from 'i18next'
import type * as Y from 'yjs'
import type { DescribeAtom } from '../../../../shared/model/historyDiff'
import { NOTE_LINK_NODE } from '../../../../shared/model/links'
import { getNote } from '../../../../shared/model/notes'
import { isNoteId } from '../../../../shared/rooms'

/**
 * How a comparison names the blocks and inline nodes that have no text: a note link by its
 * note's current title (as the editor shows it), an image by its description.
 */
export function describeAtom(t: TFunction, rootDoc: Y.Doc): DescribeAtom {
  return (element) => {
    if (element.nodeName === NOTE_LINK_NODE) {
      const id: unknown = element.getAttribute('id')
      const title = isNoteId(id) ? getNote(rootDoc, id)?.title : undefined
      return `[[${title ?? t('history.deletedNote')}]]`
    }
    if (element.nodeName === 'image') {
      const alt: unknown = element.getAttribute('alt')
      return typeof alt === 'string' && alt.trim() !== ''
        ? t('history.image', { alt: alt.trim() })
        : t('history.imageNoAlt')
    }
    if (element.nodeName === 'horizontalRule') return '———'
    return ''
  }
}
