import { ReactRenderer } from '@tiptap/react'
import type { SuggestionKeyDownProps, SuggestionOptions, SuggestionProps } from '@tiptap/suggestion'
import {
  optionId,
  SuggestionMenu,
  type MenuEntry,
  type SuggestionMenuProps,
} from './SuggestionMenu'

let nextMenuId = 0

/**
 * The `render` of a TipTap suggestion: shows {@link SuggestionMenu} at the caret (positioned by
 * the suggestion's own `mount`), moves the highlight with the arrow keys, picks with Enter or
 * Tab (Escape is the suggestion plugin's). While open, the editor element carries
 * `aria-controls`/`aria-activedescendant` so a screen reader follows the highlight.
 */
export function menuRenderer<I>(options: {
  label: () => string
  empty: (query: string) => string
  entry: (item: I) => MenuEntry
}): NonNullable<SuggestionOptions<I, I>['render']> {
  return () => {
    const listId = `suggestion-${++nextMenuId}`
    let renderer: ReactRenderer<unknown, SuggestionMenuProps> | undefined
    let unmount: (() => void) | undefined
    let current: SuggestionProps<I, I> | undefined
    let active = 0

    const pick = (index: number): void => {
      const item = current?.items[index]
      if (current !== undefined && item !== undefined) current.command(item)
    }
    const menuProps = (): SuggestionMenuProps => ({
      id: listId,
      label: options.label(),
      empty: options.empty(current?.query ?? ''),
      entries: (current?.items ?? []).map(options.entry),
      active,
      onPick: pick,
      onActive: (index) => {
        active = index
        refresh()
      },
    })
    const refresh = (): void => {
      renderer?.updateProps(menuProps())
      const dom = current?.editor.view.dom
      if (dom === undefined) return
      dom.setAttribute('aria-controls', listId)
      dom.setAttribute('aria-haspopup', 'listbox')
      if ((current?.items.length ?? 0) > 0) {
        dom.setAttribute('aria-activedescendant', optionId(listId, active))
      } else {
        dom.removeAttribute('aria-activedescendant')
      }
    }

    return {
      onStart(props) {
        current = props
        active = 0
        renderer = new ReactRenderer(SuggestionMenu, { editor: props.editor, props: menuProps() })
        renderer.element.classList.add('suggestion-popup')
        unmount = props.mount(renderer.element)
        refresh()
      },
      onUpdate(props) {
        const changed = props.items !== current?.items
        current = props
        if (changed) active = 0
        refresh()
      },
      onKeyDown({ event }: SuggestionKeyDownProps) {
        const count = current?.items.length ?? 0
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          if (count === 0) return false
          active = (active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count
          refresh()
          return true
        }
        if ((event.key === 'Enter' || event.key === 'Tab') && count > 0) {
          pick(active)
          return true
        }
        return false
      },
      onExit() {
        const dom = current?.editor.view.dom
        dom?.removeAttribute('aria-controls')
        dom?.removeAttribute('aria-haspopup')
        dom?.removeAttribute('aria-activedescendant')
        unmount?.()
        renderer?.destroy()
        renderer = undefined
        unmount = undefined
        current = undefined
      },
    }
  }
}
