import type { Widen } from '../messages'

/** Translations for: Private notebook and share-to-workspace. Both languages in one place; keys must match. */
export const nb = {
  section: 'notebook',
  title: 'Privat notatbok',
  defaultName: 'Privat notatbok',
  onlyHere: 'Bare på denne datamaskinen – aldri delt',
  onlyHereHint:
    'Ingen invitasjonslenke, ingen andre maskiner. Del et notat med «Del til arbeidsområde…»: da får arbeidsområdet en kopi.',
  share: 'Del til arbeidsområde…',
  shareTitle: 'Del til arbeidsområde',
  shareDescription:
    'Notatet kopieres til arbeidsområdet du velger, med tekst og bilder. Originalen blir her, privat.',
  shareTargets: 'Arbeidsområde',
  shareCopyNote:
    'Hver deling lager en ny kopi. Endringer du gjør her senere, blir ikke med. Firma og kompetanser tas med bare når arbeidsområdet har dem med samme navn.',
  shareNone: 'Du har ingen delte arbeidsområder ennå. Lag et først, så kan du dele hit.',
  shareSubmit: 'Del en kopi',
  sharing: 'Deler…',
  sharedToLabel: 'Delt til',
  sharedTo: 'Delt til {{name}}',
  openCopy: 'åpne',
  openCopyLabel: 'Åpne kopien i {{name}}',
  copiedFrom: 'Kopiert fra en privat notatbok',
  copiedFromOwn: 'Kopiert fra din private notatbok',
  openOriginal: 'åpne originalen',
} as const

export const en: Widen<typeof nb> = {
  section: 'notebook',
  title: 'Private notebook',
  defaultName: 'Private notebook',
  onlyHere: 'Only on this computer — never shared',
  onlyHereHint:
    'No invite link, no other computers. Share a note with “Share to workspace…”: the workspace gets a copy.',
  share: 'Share to workspace…',
  shareTitle: 'Share to workspace',
  shareDescription:
    'The note is copied into the workspace you choose, with its text and images. The original stays here, private.',
  shareTargets: 'Workspace',
  shareCopyNote:
    'Each share makes a new copy. Changes you make here later are not carried over. Company and competences come along only where the workspace has them by the same name.',
  shareNone: 'You have no shared workspaces yet. Create one first, then share to it.',
  shareSubmit: 'Share a copy',
  sharing: 'Sharing…',
  sharedToLabel: 'Shared to',
  sharedTo: 'Shared to {{name}}',
  openCopy: 'open',
  openCopyLabel: 'Open the copy in {{name}}',
  copiedFrom: 'Copied from a private notebook',
  copiedFromOwn: 'Copied from your private notebook',
  openOriginal: 'open the original',
}
