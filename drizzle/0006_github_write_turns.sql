CREATE TABLE "github_write_turns" (
	"credential_key" text PRIMARY KEY NOT NULL,
	"last_finished_at" timestamp with time zone NOT NULL
);
