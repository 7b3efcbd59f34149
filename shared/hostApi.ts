import { z } from 'zod'
import { WORKSPACE_ID_PATTERN, type WorkspaceId } from './ids'
import { NOTE_ID_PATTERN } from './rooms'

/**
 * The host's small HTTP API (`/api/...`), used by the owner's UI (the desktop window, or a
 * browser opened with the hub's owner link) to manage workspaces, profile and settings.
 * Every request carries `Authorization: Bearer <ownerToken>`; guests who joined by invite
 * never use it — they only speak the sync protocol.
 */
export const API_PREFIX = '/api'

export const workspaceIdSchema = z
  .string()
  .regex(WORKSPACE_ID_PATTERN)
  .transform((id) => id as WorkspaceId)

export const workspaceNameSchema = z.string().trim().min(1).max(120)

export const workspaceInfoSchema = z.object({
  id: workspaceIdSchema,
  name: z.string(),
  demo: z.boolean(),
  createdAt: z.number(),
  /** Invite link for this workspace (owner only). */
  invite: z.string(),
  /** Storage problems found when the workspace was opened, in plain words. */
  warnings: z.array(z.string()),
  /** Set when the workspace could not be opened; its data is kept untouched. */
  error: z.string().optional(),
  /** The owner's private notebook: never shared, so `invite` is empty. */
  private: z.boolean().optional(),
})
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>

export const listWorkspacesResponse = z.object({ workspaces: z.array(workspaceInfoSchema) })
export const createWorkspaceRequest = z.object({ name: workspaceNameSchema })
export const renameWorkspaceRequest = z.object({ name: workspaceNameSchema })

/**
 * The private notebook (`POST /api/notebook { name }`): the host's one workspace that is never
 * shared, created with `name` on first use; answers its `WorkspaceInfo` (201 when created).
 */
export const privateNotebookRequest = z.object({ name: workspaceNameSchema })

/**
 * "Share to workspace…" (`POST /api/workspaces/<from>/notes/<note>/share { to }`): the host
 * copies a note of the private notebook into the shared workspace `to` and answers where the
 * copy is. Every share makes a new copy.
 */
export const shareNoteRequest = z.object({ to: workspaceIdSchema })
export const shareNoteResponse = z.object({
  workspace: workspaceIdSchema,
  note: z.string().regex(NOTE_ID_PATTERN),
})
export type ShareNoteResponse = z.infer<typeof shareNoteResponse>

/**
 * LAN hosting: whether this host also listens on the local network, so people on the same
 * Wi-Fi can join by invite. `addresses` are the origins reachable from the LAN, best first
 * (empty while off, or when the computer is on no network). `configurable` is false for a
 * host started with a wildcard `--bind`: it serves the LAN all the time.
 */
export const hostingStatusSchema = z.object({
  on: z.boolean(),
  /** The LAN port while on; the port used last time (and tried first next time) while off. */
  port: z.number().int().min(0).max(65535).nullable(),
  addresses: z.array(z.string()),
  configurable: z.boolean(),
})
export type HostingStatus = z.infer<typeof hostingStatusSchema>
export const setHostingRequest = z.object({ on: z.boolean() })

export const LANGUAGES = ['nb', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const languageSettingSchema = z.enum(['auto', ...LANGUAGES])
export type LanguageSetting = z.infer<typeof languageSettingSchema>
export const themeSettingSchema = z.enum(['auto', 'light', 'dark'])
export type ThemeSetting = z.infer<typeof themeSettingSchema>

export const settingsSchema = z.object({
  language: languageSettingSchema,
  theme: themeSettingSchema,
})
export type Settings = z.infer<typeof settingsSchema>
export const DEFAULT_SETTINGS: Settings = { language: 'auto', theme: 'auto' }

export const profileSchema = z.object({
  name: z.string().trim().min(1).max(80),
  company: z.string().trim().max(120),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
})
/** Who I am, shown to others at my caret and in the presence list. */
export type Profile = z.infer<typeof profileSchema>

export const profileResponse = z.object({ profile: profileSchema.nullable() })

/** Colours offered for profiles: distinct, readable on light and dark backgrounds. */
export const PROFILE_COLORS = [
  '#e11d48',
  '#ea580c',
  '#ca8a04',
  '#16a34a',
  '#0891b2',
  '#2563eb',
  '#7c3aed',
  '#c026d3',
] as const

/** Error body of any failed API call. */
export const apiErrorSchema = z.object({ error: z.string() })

/**
 * Markdown export and import (electron/core/transfer/). `GET …/export` answers a zip;
 * `POST …/export-folder` writes the same files into a new folder inside `path` (desktop);
 * `POST …/import?name=<file>[&dryRun=1]` takes the raw bytes of one .zip or .md file and
 * answers what it imported (or, with dryRun, would import). Reasons and warnings are codes
 * (shared/model/markdown/mapping.ts) the UI words.
 */
export const exportFolderRequest = z.object({ path: z.string().min(1).max(4096) })
export const exportFolderResponse = z.object({ folder: z.string(), notes: z.number().int() })
export const importReportSchema = z.object({
  notes: z.array(
    z.object({
      file: z.string(),
      title: z.string(),
      warnings: z.array(z.object({ code: z.string(), detail: z.string().optional() })),
    }),
  ),
  refused: z.array(
    z.object({ file: z.string(), reason: z.string(), detail: z.string().optional() }),
  ),
  /** False for a dry run. */
  imported: z.boolean(),
})
export type ImportReportResponse = z.infer<typeof importReportSchema>
