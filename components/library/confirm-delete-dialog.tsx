import type { ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { button } from "@/components/ui/styles";

/** The one confirmation before an assessment is deleted, from the library card or the editor. */
export function ConfirmDeleteDialog({
  isOpen,
  onClose,
  onConfirm,
  isPending,
  error,
  children,
}: {
  isOpen: boolean;
  onClose: () => void;
  onConfirm: () => void;
  isPending: boolean;
  error: Error | null;
  children: ReactNode;
}) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Delete this assessment?"
      footer={
        <>
          <button type="button" className={button.secondary} onClick={onClose}>
            Keep it
          </button>
          <button type="button" className={button.dangerSolid} disabled={isPending} onClick={onConfirm}>
            {isPending ? "Deleting…" : "Delete for good"}
          </button>
        </>
      }
    >
      {children}
      {error && (
        <div className="mt-3">
          <Notice tone="error">{error.message}</Notice>
        </div>
      )}
    </Dialog>
  );
}
