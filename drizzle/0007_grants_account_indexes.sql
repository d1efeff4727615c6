CREATE INDEX "grants_github_user_idx" ON "grants" USING btree ("github_user_id");--> statement-breakpoint
CREATE INDEX "grants_github_login_idx" ON "grants" USING btree (lower("github_login"));