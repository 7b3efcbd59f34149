import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { HighlightedText } from '../HighlightedText'
import type { PaletteGroup, PaletteItem } from './paletteItems'

/**
 * The palette's rows under their group headings: a listbox of options in groups, driven from
 * the field (it keeps focus; the active row is its `aria-activedescendant`). A pointer picks
 * too: moving over a row makes it the active one, a click runs it.
 */
export function PaletteList({
  id,
  items,
  active,
  optionId,
  onHover,
  onChoose,
}: {
  id: string
  items: readonly PaletteItem[]
  active: number
  optionId: (at: number) => string
  onHover: (at: number) => void
  onChoose: (item: PaletteItem) => void
}) {
  const { t } = useTranslation()
  const list = useRef<HTMLDivElement>(null)

  // The active row kept in view within the list only (scrollIntoView would also walk every
  // scrolling ancestor, and cost a layout of the page on each keystroke).
  useEffect(() => {
    const box = list.current
    const row = box?.querySelector<HTMLElement>(`[data-index="${active}"]`)
    if (box === null || box === undefined || row === null || row === undefined) return
    const top = row.offsetTop
    const bottom = top + row.offsetHeight
    if (top < box.scrollTop) box.scrollTop = active === 0 ? 0 : top
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight
  }, [active, items])

  const groups: { group: PaletteGroup; rows: { item: PaletteItem; at: number }[] }[] = []
  items.forEach((item, at) => {
    const last = groups[groups.length - 1]
    if (last?.group === item.group) last.rows.push({ item, at })
    else groups.push({ group: item.group, rows: [{ item, at }] })
  })

  return (
    <div
      ref={list}
      id={id}
      role="listbox"
      aria-label={t('palette.resultsLabel')}
      className="palette-list"
      data-testid="palette-list"
    >
      {groups.map(({ group, rows }) => (
        <div
          key={group}
          role="group"
          aria-labelledby={`${id}-${group}`}
          className="palette-group"
          data-group={group}
        >
          <div id={`${id}-${group}`} className="palette-group-heading" role="presentation">
            {t(`palette.groups.${group}`)}
          </div>
          {rows.map(({ item, at }) => {
            const Icon = item.icon
            const label = item.label.map((segment) => segment.text).join('')
            return (
              <div
                key={item.key}
                id={optionId(at)}
                role="option"
                aria-selected={at === active}
                aria-label={`${item.kind}: ${label}${item.detail === undefined ? '' : `, ${item.detail}`}`}
                className={at === active ? 'palette-option is-active' : 'palette-option'}
                data-index={at}
                data-key={item.key}
                data-testid="palette-option"
                onPointerMove={() => {
                  if (at !== active) onHover(at)
                }}
                onPointerDown={(event) => event.preventDefault()}
                onClick={() => onChoose(item)}
              >
                <Icon size={16} aria-hidden className="palette-option-icon" />
                <span className="palette-option-text">
                  <span className="palette-option-label">
                    <HighlightedText segments={item.label} />
                    {item.detail !== undefined && (
                      <span className="palette-option-detail">{item.detail}</span>
                    )}
                  </span>
                  {item.snippet !== undefined && (
                    <span className="palette-option-snippet">
                      <HighlightedText segments={item.snippet} />
                    </span>
                  )}
                </span>
              </div>
            )
          })}
        </div>
      ))}
    </div>
  )
}
