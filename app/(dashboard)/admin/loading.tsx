export default function Loading() {
  return (
    <p role="status" className="text-sm text-muted">
      Loading…
    </p>
  );
}
