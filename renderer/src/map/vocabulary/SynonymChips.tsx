import { Plus, X } from 'lucide-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceId } from '../../../../shared/ids'
import { addSynonym, removeSynonym } from '../../../../shared/model/competence/vocabulary'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'

/**
 * A competence's synonyms as chips: × takes one away, + opens a small field where Enter adds
 * one (and the field stays for the next); Escape or leaving an empty field closes it.
 */
export function SynonymChips({
  connection,
  id,
  name,
  synonyms,
  readOnly,
}: {
  connection: WorkspaceConnection
  id: CompetenceId
  name: string
  synonyms: readonly string[]
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const [text, setText] = useState('')
  const addButton = useRef<HTMLButtonElement>(null)

  const close = (): void => {
    setAdding(false)
    setText('')
  }
  const add = (): void => {
    if (text.trim() !== '') addSynonym(connection.doc, id, text)
    setText('')
  }

  return (
    <ul
      className="vocab-chips"
      aria-label={t('mapVocabulary.synonymsOf', { name })}
      data-testid="vocab-synonyms"
    >
      {synonyms.map((synonym) => (
        <li key={synonym} className="vocab-chip" data-testid="vocab-synonym">
          <span className="vocab-chip-text">{synonym}</span>
          {!readOnly && (
            <button
              type="button"
              className="vocab-chip-remove"
              aria-label={t('mapVocabulary.removeSynonym', { synonym })}
              onClick={() => removeSynonym(connection.doc, id, synonym)}
            >
              <X size={12} aria-hidden />
            </button>
          )}
        </li>
      ))}
      {!readOnly && (
        <li className="vocab-chip-add">
          {adding ? (
            <input
              className="vocab-chip-input"
              value={text}
              placeholder={t('mapVocabulary.newSynonym')}
              aria-label={t('mapVocabulary.addSynonym', { name })}
              autoFocus
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault()
                  add()
                } else if (event.key === 'Escape') {
                  event.preventDefault()
                  close()
                  addButton.current?.focus()
                }
              }}
              onBlur={() => {
                add()
                close()
              }}
              data-testid="vocab-synonym-input"
            />
          ) : (
            <button
              ref={addButton}
              type="button"
              className="vocab-chip-plus"
              aria-label={t('mapVocabulary.addSynonym', { name })}
              title={t('mapVocabulary.addSynonym', { name })}
              onClick={() => setAdding(true)}
              data-testid="vocab-synonym-add"
            >
              <Plus size={12} aria-hidden />
            </button>
          )}
        </li>
      )}
    </ul>
  )
}
