import { simpleUser } from "../github/serialize-account";
import type { SandboxGithubUser } from "./accounts";

// What Logto stores in `user.identities.github` when someone registers through the GitHub
// connector: `{ userId, details }`, where `details` is the connector's user info as it was at
// registration time. See the facts on Logto (connector-github `_getUserInfo`).

/** GitHub's `GET /user` answer for the user, as the GitHub emulator serializes users. */
export function githubUserInfo(user: SandboxGithubUser, avatarUrl: string) {
  const account = {
    id: user.id,
    login: user.login,
    name: user.name,
    type: "User" as const,
    createdAt: "2011-01-25T18:44:36Z",
  };
  return {
    ...simpleUser(account, "https://api.github.com"),
    avatar_url: avatarUrl,
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: user.email,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: account.createdAt,
    updated_at: account.createdAt,
  };
}

/** The identity record: the numeric GitHub id as a string, and the connector's details. */
export function githubIdentity(user: SandboxGithubUser, avatarUrl: string) {
  const userInfo = githubUserInfo(user, avatarUrl);
  const rawData =
    user.shape === "current"
      ? {
          userInfo,
          userEmails: [{ email: user.email, primary: true, verified: true, visibility: "public" }],
        }
      : userInfo;
  return {
    userId: String(user.id),
    details: {
      id: String(user.id),
      name: user.name,
      email: user.email,
      avatar: avatarUrl,
      rawData,
    },
  };
}
