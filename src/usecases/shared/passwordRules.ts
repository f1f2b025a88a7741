import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * The rule for a password a person chooses: long enough, not blank, and not guessable — judged by
 * zxcvbn (common passwords, names, keyboard walks, sequences, repeats) with its common dictionary plus
 * the words of this system, and the person's own user name and display name.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

const LOCAL_WORDS = ["lotrinh", "lo trinh", "laichau", "lai chau", "matkhau", "mat khau", "quantri", "admin"];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, local: LOCAL_WORDS },
  graphs: adjacencyGraphs,
});

/** A Vietnamese message saying what is wrong, or null when the password is acceptable. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.trim().length === 0) return "Mật khẩu không được chỉ gồm dấu cách.";
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu quá dài (tối đa ${MAX_PASSWORD_LENGTH} ký tự).`;
  const inputs = personal.flatMap((p) => [p, ...p.split(/[\s._@-]+/)]).filter((p) => p.length >= 3);
  const { score } = zxcvbn.check(password.normalize("NFC"), inputs);
  if (score < MIN_PASSWORD_SCORE) {
    return "Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy số, lặp lại, theo phím hoặc chứa tên đăng nhập). Hãy dùng một cụm vài từ không liên quan, ví dụ «mây-trên-đèo-Ô-Quy-Hồ».";
  }
  return null;
}
