import type { Editor } from '@tiptap/core'
import { createValueStore, type ValueStore } from '../../lib/externalStore'

/**
 * A message for the person at one editor ("the image is too large…"), shown near it with
 * role="alert" by `EditorAlert`. One store per editor, so editor extensions can report
 * without knowing where the message is drawn.
 */
export type EditorAlertMessage = { text: string; at: number }

const stores = new WeakMap<Editor, ValueStore<EditorAlertMessage | undefined>>()

export function editorAlertStore(editor: Editor): ValueStore<EditorAlertMessage | undefined> {
  let store = stores.get(editor)
  if (store === undefined) {
    store = createValueStore<EditorAlertMessage | undefined>(undefined)
    stores.set(editor, store)
  }
  return store
}

export function showEditorAlert(editor: Editor, text: string): void {
  editorAlertStore(editor).set({ text, at: Date.now() })
}

export function clearEditorAlert(editor: Editor): void {
  editorAlertStore(editor).set(undefined)
}
