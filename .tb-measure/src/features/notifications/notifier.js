import { t } from "../../i18n/index.js";
import * as repo from "./notifications-repository.js";
function createNotifier({ sms, log }) {
  function send(pending) {
    for (const p of pending) {
      sms.send({ to: p.to, template: "notice", params: { text: p.text } }).catch((err) => {
        log.warn({ err, to: `${p.to.slice(0, 3)}****${p.to.slice(-4)}` }, "notice SMS not sent");
      });
    }
  }
  return {
    /** Writes the notice (inside the caller's transaction) and returns the SMS to send after it. */
    notify(tx, at, n) {
      const params = n.params;
      repo.insertNotification(tx, {
        userId: n.userId,
        kind: n.kind,
        textZh: t("zh", `notice.${n.kind}`, params),
        textEn: t("en", `notice.${n.kind}`, params),
        subject: n.subject ?? null,
        createdAt: at,
        readAt: null
      });
      const to = repo.recipient(tx, n.userId);
      return to === void 0 ? [] : [{ to: to.phone, text: t(to.lang, `notice.${n.kind}`, params) }];
    },
    /** Takes a committed transaction's answer and its SMS; sends them and returns the answer. */
    afterCommit(done) {
      send(done.sms);
      return done.answer;
    },
    send
  };
}
export {
  createNotifier
};
//# sourceMappingURL=notifier.js.map
