import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface BuiltServerAction {
  /** The id the browser sends in the `next-action` header. */
  id: string;
  file: string;
  exportedName: string;
}

const MANIFEST = ".next/server/server-reference-manifest.json";

/**
 * Every server action the production build can run, from the build's own manifest: a test
 * driven by it cannot forget an action added later.
 */
export function builtServerActions(): BuiltServerAction[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({ id, file: entry.filename, exportedName: entry.exportedName }))
    .sort((a, b) => a.exportedName.localeCompare(b.exportedName));
}

// React's own encoder, the one Next's client uses: the body is exactly what a browser would
// send for `action(previousState, formData)` from useActionState.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/client.node",
) as { encodeReply: (value: unknown) => Promise<FormData | string> };

/**
 * The multipart body of a guarded action called with `fields` as its form. React's decoder
 * reads the form's entries in the order they were written, so the FormData is kept as is.
 */
export async function actionBody(fields: Record<string, string>): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = await encodeReply([null, form]);
  if (typeof encoded !== "string") return encoded;
  const body = new FormData();
  body.append("0", encoded);
  return body;
}
