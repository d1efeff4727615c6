"use client";

import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { EntitlementAccessCheck } from "@/lib/products/check-product-access";
import { AccessCheckResult } from "./access-check-result";

export type EntitlementDraft =
  | {
      key: string;
      id?: string;
      kind: "github_repo";
      owner: string;
      repo: string;
      permission: string;
    }
  | {
      key: string;
      id?: string;
      kind: "github_team";
      org: string;
      teamSlug: string;
      teamRole: "member" | "maintainer";
    };

const BASE_ROLES = [
  ["pull", "Read (pull)"],
  ["triage", "Triage"],
  ["push", "Write (push)"],
  ["maintain", "Maintain"],
  ["admin", "Admin"],
] as const;
const isBase = (permission: string) => BASE_ROLES.some(([value]) => value === permission);

/** The editor's rows: any number of repositories and teams, each with its own errors and check. */
export function EntitlementRows({
  rows,
  onChange,
  errors,
  checks,
}: {
  rows: EntitlementDraft[];
  onChange: (rows: EntitlementDraft[]) => void;
  errors: Record<string, string[]>;
  checks: EntitlementAccessCheck[] | null;
}) {
  const update = (index: number, patch: Partial<EntitlementDraft>) =>
    onChange(
      rows.map((row, i) => (i === index ? ({ ...row, ...patch } as EntitlementDraft) : row)),
    );
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index));
  const add = (kind: EntitlementDraft["kind"]) =>
    onChange([
      ...rows,
      kind === "github_repo"
        ? { key: crypto.randomUUID(), kind, owner: "", repo: "", permission: "pull" }
        : { key: crypto.randomUUID(), kind, org: "", teamSlug: "", teamRole: "member" },
    ]);
  const err = (index: number, field: string) => errors[`entitlements.${index}.${field}`];
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Access each sale gives</legend>
      {errors.entitlements ? (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {errors.entitlements.join(" ")}
        </p>
      ) : null}
      {rows.map((row, index) => {
        const id = (field: string) => `ent-${row.key}-${field}`;
        return (
          <div
            key={row.key}
            className="rounded-lg border border-slate-200 bg-slate-50 p-3"
            data-testid="entitlement-row"
          >
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-medium">
                {row.kind === "github_repo" ? "Repository" : "Team"} {index + 1}
              </p>
              <Button size="sm" variant="secondary" onClick={() => remove(index)}>
                Remove<span className="sr-only"> row {index + 1}</span>
              </Button>
            </div>
            {row.kind === "github_repo" ? (
              <div className="mt-2 grid gap-3 sm:grid-cols-3">
                <Field id={id("owner")} label="Owner" errors={err(index, "owner")}>
                  <input
                    id={id("owner")}
                    className={inputClass}
                    value={row.owner}
                    autoComplete="off"
                    placeholder="acme"
                    onChange={(e) => update(index, { owner: e.target.value })}
                    {...describedBy(id("owner"), err(index, "owner"))}
                  />
                </Field>
                <Field id={id("repo")} label="Repository" errors={err(index, "repo")}>
                  <input
                    id={id("repo")}
                    className={inputClass}
                    value={row.repo}
                    autoComplete="off"
                    placeholder="toolkit"
                    onChange={(e) => update(index, { repo: e.target.value })}
                    {...describedBy(id("repo"), err(index, "repo"))}
                  />
                </Field>
                <Field id={id("permission")} label="Role" errors={err(index, "permission")}>
                  <select
                    id={id("permission")}
                    className={inputClass}
                    value={isBase(row.permission) ? row.permission : "custom"}
                    onChange={(e) =>
                      update(index, {
                        permission: e.target.value === "custom" ? "" : e.target.value,
                      })
                    }
                  >
                    {BASE_ROLES.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                    <option value="custom">Custom role…</option>
                  </select>
                  {isBase(row.permission) ? null : (
                    <input
                      aria-label="Custom role name"
                      className={inputClass}
                      value={row.permission}
                      placeholder="toolkit-reader"
                      onChange={(e) => update(index, { permission: e.target.value })}
                      {...describedBy(id("permission"), err(index, "permission"))}
                    />
                  )}
                </Field>
              </div>
            ) : (
              <div className="mt-2 grid gap-3 sm:grid-cols-3">
                <Field id={id("org")} label="Organization" errors={err(index, "org")}>
                  <input
                    id={id("org")}
                    className={inputClass}
                    value={row.org}
                    autoComplete="off"
                    placeholder="acme"
                    onChange={(e) => update(index, { org: e.target.value })}
                    {...describedBy(id("org"), err(index, "org"))}
                  />
                </Field>
                <Field id={id("teamSlug")} label="Team slug" errors={err(index, "teamSlug")}>
                  <input
                    id={id("teamSlug")}
                    className={inputClass}
                    value={row.teamSlug}
                    autoComplete="off"
                    placeholder="toolkit-users"
                    onChange={(e) => update(index, { teamSlug: e.target.value })}
                    {...describedBy(id("teamSlug"), err(index, "teamSlug"))}
                  />
                </Field>
                <Field id={id("teamRole")} label="Team role" errors={err(index, "teamRole")}>
                  <select
                    id={id("teamRole")}
                    className={inputClass}
                    value={row.teamRole}
                    onChange={(e) =>
                      update(index, { teamRole: e.target.value as "member" | "maintainer" })
                    }
                  >
                    <option value="member">Member</option>
                    <option value="maintainer">Maintainer</option>
                  </select>
                </Field>
              </div>
            )}
            {checks?.[index] ? <AccessCheckResult result={checks[index]} /> : null}
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={() => add("github_repo")}>
          Add a repository
        </Button>
        <Button size="sm" variant="secondary" onClick={() => add("github_team")}>
          Add a team
        </Button>
      </div>
    </fieldset>
  );
}
