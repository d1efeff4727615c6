export function SandboxBanner() {
  return (
    <div
      role="status"
      className="bg-amber-100 px-6 py-2 text-center text-sm font-medium text-amber-900"
    >
      Sandbox — nothing is sent to GitHub. Invitations go to a local GitHub emulator.
    </div>
  );
}
