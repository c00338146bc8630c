#!/usr/bin/env python3
"""Writes tests/conformance/<municipality>-workflow.json: replay and can_view cases.

The expectations are written by hand from the regulations (each case names its clause); this
script only saves typing the event logs. Run it from the repository root after changing a case.
"""
import json, os

def ev(at, actor, roles, action, **kw):
    e = {"at": at, "actor": {"id": actor, "roles": roles}, "action": action}
    e.update(kw)
    return e

def case(name, profile, message, events, now, expect, clause, op="replay"):
    return {"name": name, "op": op, "profile": profile, "clause": clause,
            "input": {"message": message, "events": events, "now": now}, "expect": expect}

def view(name, profile, message, events, viewer, allowed, reason, clause):
    return {"name": name, "op": "can_view", "profile": profile, "clause": clause,
            "input": {"message": message, "events": events, "viewer": viewer},
            "expect": {"allowed": allowed, "reason": {"code": reason}}}

def write(mun, about, cases):
    path = os.path.join("tests", "conformance", f"{mun}-workflow.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"about": about, "cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(path, len(cases))

def refused(code, clause=None):
    r = {"code": code}
    if clause:
        r["clause"] = clause
    return r

# ---------------------------------------------------------------- Essentuki
E = "essentuki"
def emsg(public=False, channel="web"):
    return {"id": "e1", "channel": channel, "author": {"id": "u1"}, "sent_at": "2026-03-07T11:00:00+03:00",
            "text": "Третью неделю не вывозят мусор", "category": "all", "public": public}
OP = ("op", ["operator"])
EX = ("ex", ["executor"])
U1 = ("u1", ["applicant", "user"])
def reg(at="2026-03-10T09:00:00+03:00", publish=False):
    return ev(at, *OP, "register_and_publish" if publish else "register")
def ans(at, **kw):
    kw.setdefault("result", "solved"); kw.setdefault("text", "Мусор вывезен")
    return ev(at, *EX, "answer", **kw)
def neg(at, remarks="Мусор не вывезен"):
    kw = {"rating": "negative"}
    if remarks is not None:
        kw["remarks"] = remarks
    return ev(at, *U1, "rate", **kw)

ess = [
 case("essentuki-wf-registration-term-runs", E, emsg(), [], "2026-03-11T10:00:00+03:00",
      {"state": "moderation", "terms": [
          {"name": "registration", "due": "2026-03-12T23:59:59+03:00", "status": "on_time"},
          {"name": "answer", "due": "2026-03-16T23:59:59+03:00", "status": "on_time"}],
       "allowed": [{"role": "moderator", "actions": ["register", "register_and_publish", "refuse"]},
                   {"role": "operator", "actions": ["register", "register_and_publish", "refuse"]}]},
      "Essentuki 34.9, 34.10, 47"),
 case("essentuki-wf-registration-overdue", E, emsg(), [], "2026-03-13T10:00:00+03:00",
      {"terms": [{"name": "registration", "status": "overdue", "overdue_working_days": 1},
                 {"name": "answer", "status": "on_time"}]}, "Essentuki 34.9"),
 case("essentuki-wf-register-non-public", E, emsg(), [reg()], "2026-03-10T12:00:00+03:00",
      {"state": "execution", "published": False, "registered_at": "2026-03-10T09:00:00+03:00",
       "terms": [{"name": "answer", "due": "2026-03-16T23:59:59+03:00"}],
       "effects": [{"kind": "notice_registered", "to": "applicant", "clause": "Essentuki 34.6", "status": "owed"},
                   {"kind": "route_to_executor", "to": "organisation"}]}, "Essentuki 34.6"),
 case("essentuki-wf-register-and-publish", E, emsg(public=True), [reg(publish=True)], "2026-03-10T12:00:00+03:00",
      {"state": "execution", "published": True,
       "terms": [{"name": "vote_window", "due": "2026-03-13T09:00:00+03:00", "status": "open"}, {"name": "answer"}],
       "effects": [{"kind": "notice_published", "clause": "Essentuki 34.7"}, {"kind": "publish_message", "to": "public"},
                   {"kind": "route_to_executor"}]}, "Essentuki 34.7, 50.11"),
 case("essentuki-wf-publish-only-public", E, emsg(public=False), [reg(publish=True)], "2026-03-10T12:00:00+03:00",
      {"state": "moderation", "refused": [{"index": 0, "reason": refused("not_public", "Essentuki 27")}], "effects": []},
      "Essentuki 27, 29"),
 case("essentuki-wf-refuse-with-code", E, emsg(), [ev("2026-03-10T09:00:00+03:00", *OP, "refuse", code="obscenity")],
      "2026-03-10T12:00:00+03:00",
      {"state": "refused", "is_final": True, "terms": [],
       "effects": [{"kind": "notice_refused", "to": "applicant", "code": "obscenity", "clause": "Essentuki 34.8"}]},
      "Essentuki 34.8, 21"),
 case("essentuki-wf-refuse-unknown-code", E, emsg(), [ev("2026-03-10T09:00:00+03:00", *OP, "refuse", code="rudeness")],
      "2026-03-10T12:00:00+03:00",
      {"state": "moderation", "refused": [{"reason": {"code": "unknown_refusal_code"}}]}, "Essentuki 34.5"),
 case("essentuki-wf-role-missing", E, emsg(), [ev("2026-03-10T09:00:00+03:00", *U1, "register")],
      "2026-03-10T12:00:00+03:00",
      {"state": "moderation", "refused": [{"reason": {"code": "role_missing"}}]}, "Essentuki 34.3"),
 case("essentuki-wf-answer-due-today", E, emsg(), [reg()], "2026-03-16T10:00:00+03:00",
      {"terms": [{"name": "answer", "status": "due_today"}]}, "Essentuki 47"),
 case("essentuki-wf-answer-overdue", E, emsg(), [reg()], "2026-03-18T10:00:00+03:00",
      {"terms": [{"name": "answer", "status": "overdue", "overdue_working_days": 2}]}, "Essentuki 47"),
 case("essentuki-wf-answer-notifies", E, emsg(public=True), [reg(publish=True), ans("2026-03-12T10:00:00+03:00")],
      "2026-03-12T12:00:00+03:00",
      {"state": "answered", "is_final": True, "result": "solved",
       "allowed": [{"role": "applicant", "actions": ["rate"]}, {"role": "user", "actions": ["vote"]}, {"role": "guest", "actions": ["vote"]}],
       "effects": [{"kind": "notice_published"}, {"kind": "publish_message"}, {"kind": "route_to_executor"},
                   {"kind": "notice_answer", "clause": "Essentuki 40"}, {"kind": "publish_answer", "clause": "Essentuki 46.4"}]},
      "Essentuki 40, 46.4"),
 case("essentuki-wf-negative-rating-needs-remarks", E, emsg(), [reg(), ans("2026-03-12T10:00:00+03:00"), neg("2026-03-13T10:00:00+03:00", None)],
      "2026-03-13T12:00:00+03:00",
      {"state": "answered", "counters": {"reworks": 0},
       "refused": [{"index": 2, "reason": refused("negative_rating_without_remarks", "Essentuki 50.2")}]}, "Essentuki 50.2"),
 case("essentuki-wf-rework-term-from-rating", E, emsg(), [reg(), ans("2026-03-12T10:00:00+03:00"), neg("2026-03-13T10:05:00+03:00")],
      "2026-03-14T12:00:00+03:00",
      {"state": "execution", "counters": {"reworks": 1},
       "terms": [{"name": "rework", "start": "2026-03-13T10:05:00+03:00", "due": "2026-03-18T23:59:59+03:00", "status": "on_time", "clause": "Essentuki 50.4"}],
       "effects": [{"kind": "notice_registered"}, {"kind": "route_to_executor"}, {"kind": "notice_answer"},
                   {"kind": "notice_rework", "clause": "Essentuki 50.5"}]}, "Essentuki 50.3-50.5"),
 case("essentuki-wf-rework-limit-escalates", E, emsg(),
      [reg(), ans("2026-03-12T10:00:00+03:00"), neg("2026-03-13T10:00:00+03:00"),
       ans("2026-03-14T10:00:00+03:00"), neg("2026-03-15T10:00:00+03:00"),
       ans("2026-03-16T10:00:00+03:00"), neg("2026-03-17T10:00:00+03:00"),
       ans("2026-03-18T10:00:00+03:00"), neg("2026-03-19T10:00:00+03:00")],
      "2026-03-19T12:00:00+03:00",
      {"state": "answered", "counters": {"reworks": 3},
       "refused": [{"index": 8, "reason": refused("rework_limit", "Essentuki 50.6")}]}, "Essentuki 50.6, 50.8"),
 case("essentuki-wf-postponed-needs-date", E, emsg(), [reg(), ans("2026-03-12T10:00:00+03:00", result="postponed")],
      "2026-03-12T12:00:00+03:00",
      {"state": "execution", "refused": [{"reason": refused("postponed_without_date", "Essentuki 41")}]}, "Essentuki 39, 41"),
 case("essentuki-wf-planned-date-reminder-scheduled", E, emsg(),
      [reg(), ans("2026-03-12T10:00:00+03:00", result="postponed", planned_date="2026-04-15", text="Вывоз по графику с 15 апреля")],
      "2026-03-13T12:00:00+03:00",
      {"state": "postponed", "planned_date": "2026-04-15", "counters": {"postponements": 1},
       "terms": [{"name": "planned_date", "due": "2026-04-15T23:59:59+03:00", "status": "on_time"}],
       "effects": [{"kind": "notice_registered"}, {"kind": "route_to_executor"}, {"kind": "notice_answer"},
                   {"kind": "reminder_planned_date", "to": "organisation", "at": "2026-04-15T00:00:00+03:00", "status": "scheduled", "clause": "Essentuki 41"}]},
      "Essentuki 41"),
 case("essentuki-wf-planned-date-reminder-owed", E, emsg(),
      [reg(), ans("2026-03-12T10:00:00+03:00", result="postponed", planned_date="2026-04-15")],
      "2026-04-15T09:00:00+03:00",
      {"state": "postponed", "terms": [{"name": "planned_date", "status": "due_today"}],
       "allowed": [{"role": "applicant", "actions": ["rate"]}, {"role": "executor", "actions": ["answer"]}],
       "effects": [{}, {}, {}, {"kind": "reminder_planned_date", "status": "owed"}]}, "Essentuki 41, 42"),
 case("essentuki-wf-out-of-order", E, emsg(),
      [reg("2026-03-10T09:00:00+03:00"), ans("2026-03-09T10:00:00+03:00")], "2026-03-12T12:00:00+03:00",
      {"state": "execution", "refused": [{"index": 1, "reason": {"code": "out_of_order"}}]}, "the log is in time order"),
 case("essentuki-wf-event-after-now", E, emsg(), [reg("2026-03-10T09:00:00+03:00")], "2026-03-10T08:00:00+03:00",
      {"state": "moderation", "refused": [{"reason": {"code": "after_now"}}]}, "replay judges the log up to now"),
 case("essentuki-wf-vote-twice", E, emsg(public=True),
      [reg(publish=True), ev("2026-03-10T10:00:00+03:00", "g1", ["guest"], "vote"), ev("2026-03-10T10:01:00+03:00", "g1", ["guest"], "vote")],
      "2026-03-10T12:00:00+03:00",
      {"counters": {"votes": 1, "votes_in_window": 1}, "refused": [{"index": 2, "reason": refused("already_voted", "Essentuki 50.10")}]},
      "Essentuki 9, 50.9, 50.10"),
 case("essentuki-wf-vote-non-public", E, emsg(), [reg(), ev("2026-03-10T10:00:00+03:00", "u2", ["user"], "vote")],
      "2026-03-10T12:00:00+03:00",
      {"counters": {"votes": 0}, "refused": [{"reason": refused("not_public", "Essentuki 50.9")}]}, "Essentuki 50.9"),
 case("essentuki-wf-phone-call-contacts", E, emsg(channel="phone"),
      [ev("2026-03-10T09:00:00+03:00", *OP, "register_call", outcome="contacts_given")], "2026-03-10T12:00:00+03:00",
      {"state": "referred", "is_final": True, "effects": [{"kind": "call_registered", "clause": "Essentuki 33.2"}]}, "Essentuki 33.2, 33.3"),
 case("essentuki-wf-phone-call-written", E, emsg(channel="phone"),
      [ev("2026-03-10T09:00:00+03:00", *OP, "register_call", outcome="written_message"), reg("2026-03-10T09:30:00+03:00")],
      "2026-03-10T12:00:00+03:00",
      {"state": "execution", "effects": [{"kind": "call_registered"}, {"kind": "notice_registered"}, {"kind": "route_to_executor"}]},
      "Essentuki 33.5"),
 case("essentuki-wf-call-only-by-phone", E, emsg(),
      [ev("2026-03-10T09:00:00+03:00", *OP, "register_call", outcome="answered_at_once")], "2026-03-10T12:00:00+03:00",
      {"state": "moderation", "refused": [{"reason": {"code": "wrong_state"}}]}, "Essentuki 33.1"),
 case("essentuki-wf-block-not-enabled", E, emsg(),
      [ev("2026-03-10T09:00:00+03:00", *OP, "block_user", user="u9", days=5)], "2026-03-10T12:00:00+03:00",
      {"refused": [{"reason": {"code": "action_not_enabled"}}]}, "blocking is Mikhailovka's (2.1)"),
]
# votes: 1001 in the window escalate; 1000 in the window and one after do not
pub = [reg(publish=True)]
many = [ev("2026-03-10T10:00:00+03:00", f"v{i}", ["user"], "vote") for i in range(1001)]
late = [ev("2026-03-10T10:00:00+03:00", f"v{i}", ["user"], "vote") for i in range(1000)] + \
       [ev("2026-03-13T09:00:01+03:00", "v1000", ["guest"], "vote")]
ess.append(case("essentuki-wf-votes-escalate", E, emsg(public=True), pub + many, "2026-03-11T12:00:00+03:00",
      {"counters": {"votes": 1001, "votes_in_window": 1001},
       "effects": [{}, {}, {}, {"kind": "escalation_votes", "to": "authority", "clause": "Essentuki 50.11", "at": "2026-03-10T10:00:00+03:00"}]},
      "Essentuki 50.11"))
ess.append(case("essentuki-wf-votes-after-window-do-not-escalate", E, emsg(public=True), pub + late, "2026-03-14T12:00:00+03:00",
      {"counters": {"votes": 1001, "votes_in_window": 1000}, "effects": [{}, {}, {}],
       "terms": [{"name": "vote_window", "status": "closed"}, {"name": "answer"}]},
      "Essentuki 50.11: «в течение трех суток»"))
ess += [
 view("essentuki-view-non-public-other-user", E, emsg(), [reg()], {"id": "u2", "roles": ["user"]}, False, "non_public", "Essentuki 27-30"),
 view("essentuki-view-non-public-guest", E, emsg(), [reg()], {"id": "g", "roles": ["guest"]}, False, "non_public", "Essentuki 27-30"),
 view("essentuki-view-author", E, emsg(), [reg()], {"id": "u1", "roles": ["applicant"]}, True, "author", "Essentuki 27-30"),
 view("essentuki-view-official", E, emsg(), [reg()], {"id": "ex", "roles": ["executor"]}, True, "official", "Essentuki 34.6"),
 view("essentuki-view-published-guest", E, emsg(public=True), [reg(publish=True)], {"id": "g", "roles": ["guest"]}, True, "public", "Essentuki 28"),
 view("essentuki-view-public-not-yet-published", E, emsg(public=True), [], {"id": "g", "roles": ["guest"]}, False, "non_public", "Essentuki 34.7"),
]
write("essentuki", "Essentuki workflow: replay and visibility (regulation of 08.10.2020 No 1404)", ess)

# ---------------------------------------------------------------- Kislovodsk
K = "kislovodsk"
kis = [
 case("kislovodsk-wf-registration-term", K, emsg(), [], "2026-03-11T10:00:00+03:00",
      {"state": "moderation", "terms": [{"name": "registration", "due": "2026-03-12T23:59:59+03:00", "clause": "Kislovodsk 7.11"}]},
      "Kislovodsk 7.11, 7.12"),
 case("kislovodsk-wf-no-answer-term", K, emsg(), [reg()], "2026-03-20T10:00:00+03:00",
      {"state": "execution", "terms": [], "effects": [{"kind": "route_to_executor", "clause": "Kislovodsk 7.9"}]},
      "Kislovodsk 9: no answer term; no registration notice for a non-public message"),
 case("kislovodsk-wf-publish", K, emsg(public=True), [reg(publish=True)], "2026-03-10T12:00:00+03:00",
      {"published": True, "effects": [{"kind": "notice_published", "clause": "Kislovodsk 7.8"}, {"kind": "publish_message"}, {"kind": "route_to_executor"}],
       "terms": [{"name": "vote_window", "status": "open"}]}, "Kislovodsk 7.8"),
 case("kislovodsk-wf-refuse", K, emsg(), [ev("2026-03-10T09:00:00+03:00", *OP, "refuse", code="commercial")], "2026-03-10T12:00:00+03:00",
      {"state": "refused", "effects": [{"kind": "notice_refused", "code": "commercial", "clause": "Kislovodsk 7.10"}]}, "Kislovodsk 7.7, 7.10"),
 case("kislovodsk-wf-negative-needs-remarks", K, emsg(), [reg(), ans("2026-03-12T10:00:00+03:00"), neg("2026-03-13T10:00:00+03:00", "")],
      "2026-03-13T12:00:00+03:00",
      {"state": "answered", "refused": [{"reason": refused("negative_rating_without_remarks", "Kislovodsk 10.2")}]}, "Kislovodsk 10.2"),
 case("kislovodsk-wf-no-rework-limit", K, emsg(),
      [reg(), ans("2026-03-12T10:00:00+03:00"), neg("2026-03-13T10:00:00+03:00"), ans("2026-03-14T10:00:00+03:00"),
       neg("2026-03-15T10:00:00+03:00"), ans("2026-03-16T10:00:00+03:00"), neg("2026-03-17T10:00:00+03:00"),
       ans("2026-03-18T10:00:00+03:00"), neg("2026-03-19T10:00:00+03:00")],
      "2026-03-19T12:00:00+03:00",
      {"state": "execution", "counters": {"reworks": 4}, "refused": [], "terms": []}, "Kislovodsk 10.3: no limit, no rework term"),
 case("kislovodsk-wf-rework-notice", K, emsg(), [reg(), ans("2026-03-12T10:00:00+03:00"), neg("2026-03-13T10:00:00+03:00")],
      "2026-03-13T12:00:00+03:00",
      {"effects": [{"kind": "route_to_executor"}, {"kind": "notice_answer", "clause": "Kislovodsk 9.5"}, {"kind": "notice_rework", "clause": "Kislovodsk 10.4"}]},
      "Kislovodsk 10.4"),
 case("kislovodsk-wf-planned-reminder", K, emsg(),
      [reg(), ans("2026-03-12T10:00:00+03:00", result="postponed", planned_date="2026-05-12")], "2026-05-12T10:00:00+03:00",
      {"state": "postponed", "effects": [{}, {}, {"kind": "reminder_planned_date", "status": "owed", "clause": "Kislovodsk 9.6"}]}, "Kislovodsk 9.6"),
 case("kislovodsk-wf-vote-once", K, emsg(public=True),
      [reg(publish=True), ev("2026-03-10T10:00:00+03:00", "u5", ["user"], "vote"), ev("2026-03-10T11:00:00+03:00", "u5", ["user"], "vote")],
      "2026-03-10T12:00:00+03:00",
      {"counters": {"votes": 1}, "refused": [{"reason": refused("already_voted", "Kislovodsk 10.5")}]}, "Kislovodsk 10.5"),
 case("kislovodsk-wf-phone-answered-at-once", K, emsg(channel="phone"),
      [ev("2026-03-10T09:00:00+03:00", *OP, "register_call", outcome="answered_at_once")], "2026-03-10T12:00:00+03:00",
      {"state": "answered", "effects": [{"kind": "call_registered", "clause": "Kislovodsk 7.3"}]}, "Kislovodsk 7.3, 7.4"),
 view("kislovodsk-view-guest-non-public", K, emsg(), [reg()], {"id": "g", "roles": ["guest"]}, False, "non_public", "Kislovodsk 6.11"),
 view("kislovodsk-view-guest-public", K, emsg(public=True), [reg(publish=True)], {"id": "g", "roles": ["guest"]}, True, "public", "Kislovodsk 6.9"),
]
write("kislovodsk", "Kislovodsk workflow: replay and visibility", kis)

# ---------------------------------------------------------------- Mikhailovka
M = "mikhailovka"
def mmsg(**kw):
    m = {"id": "k1", "channel": "web", "author": {"id": "u1", "auth": "esia"}, "sent_at": "2026-03-02T10:00:00+03:00",
         "text": "Яма на дороге", "category": "all"}
    m.update(kw)
    return m
MOD = ("mod", ["moderator"])
MEX = ("ex", ["executor"])
def mreg(at="2026-03-02T16:00:00+03:00"):
    return ev(at, *MOD, "register")
def macc(at="2026-03-03T09:00:00+03:00"):
    return ev(at, *MEX, "accept")
def mans(at, **kw):
    kw.setdefault("result", "solved"); kw.setdefault("text", "Яма заделана")
    return ev(at, *MEX, "answer", **kw)
mik = [
 case("mikhailovka-wf-registration-terms", M, mmsg(), [], "2026-03-02T12:00:00+03:00",
      {"state": "moderation", "terms": [
          {"name": "registration", "due": "2026-03-04T23:59:59+03:00", "status": "on_time"},
          {"name": "registration_expected", "due": "2026-03-02T23:59:59+03:00", "status": "due_today"}]},
      "Mikhailovka s.3"),
 case("mikhailovka-wf-acceptance-from-receipt", M, mmsg(), [mreg()], "2026-03-02T17:00:00+03:00",
      {"state": "acceptance", "terms": [
          {"name": "acceptance", "start": "2026-03-02T16:00:00+03:00", "due": "2026-03-03T23:59:59+03:00", "clause": "Mikhailovka 4.1"},
          {"name": "competence_return", "due": "2026-03-03T23:59:59+03:00"}],
       "allowed": [{"role": "moderator", "actions": ["refuse", "change_organisation", "block_user"]},
                   {"role": "operator", "actions": ["refuse", "change_organisation", "block_user"]},
                   {"role": "executor", "actions": ["accept", "return_not_in_competence"]}]} if False else
      {"state": "acceptance", "terms": [
          {"name": "acceptance", "start": "2026-03-02T16:00:00+03:00", "due": "2026-03-03T23:59:59+03:00", "clause": "Mikhailovka 4.1"},
          {"name": "competence_return", "due": "2026-03-03T23:59:59+03:00"}],
       "effects": [{"kind": "notice_registered", "clause": "Mikhailovka s.3"}, {"kind": "route_to_executor"}]},
      "Mikhailovka 4.1, REGULATIONS convention 11"),
 case("mikhailovka-wf-acceptance-overdue", M, mmsg(), [mreg()], "2026-03-05T10:00:00+03:00",
      {"terms": [{"name": "acceptance", "status": "overdue", "overdue_working_days": 2}, {"name": "competence_return", "status": "overdue"}]},
      "Mikhailovka 4.1"),
 case("mikhailovka-wf-return-needs-reasons", M, mmsg(), [mreg(), ev("2026-03-03T09:00:00+03:00", *MEX, "return_not_in_competence")],
      "2026-03-03T10:00:00+03:00",
      {"state": "acceptance", "refused": [{"reason": refused("reasons_required", "Mikhailovka 4.1")}]}, "Mikhailovka 4.1"),
 case("mikhailovka-wf-return-and-reroute-restarts-acceptance", M, mmsg(),
      [mreg(), ev("2026-03-03T09:00:00+03:00", *MEX, "return_not_in_competence", reason="Дорога региональная"),
       ev("2026-03-03T11:00:00+03:00", *MOD, "change_organisation", organisation="mikhailovka-administration")],
      "2026-03-03T12:00:00+03:00",
      {"state": "acceptance", "refused": [],
       "terms": [{"name": "acceptance", "start": "2026-03-03T11:00:00+03:00", "due": "2026-03-04T23:59:59+03:00"}, {"name": "competence_return"}]},
      "Mikhailovka 4.1"),
 case("mikhailovka-wf-one-document", M, mmsg(), [mreg(), macc(), mans("2026-03-05T10:00:00+03:00", documents=2)], "2026-03-05T12:00:00+03:00",
      {"state": "execution", "refused": [{"reason": refused("one_document", "Mikhailovka 4.2")}]}, "Mikhailovka 4.2"),
 case("mikhailovka-wf-promise-needs-date", M, mmsg(), [mreg(), macc(), mans("2026-03-05T10:00:00+03:00", result="not_solved", promise=True)],
      "2026-03-05T12:00:00+03:00",
      {"state": "execution", "refused": [{"reason": refused("promise_without_date", "Mikhailovka 4.2")}]}, "Mikhailovka 4.2"),
 case("mikhailovka-wf-promise-with-date", M, mmsg(),
      [mreg(), macc(), mans("2026-03-05T10:00:00+03:00", result="postponed", promise=True, planned_date="2026-05-20", documents=1)],
      "2026-03-05T12:00:00+03:00",
      {"state": "postponed", "refused": [],
       "effects": [{}, {}, {"kind": "notice_answer", "clause": "Mikhailovka 4.3"}, {"kind": "reminder_planned_date", "status": "scheduled", "clause": "Mikhailovka 4.3"}]},
      "Mikhailovka 4.2, 4.3"),
 case("mikhailovka-wf-rework-term", M, mmsg(),
      [mreg(), macc(), mans("2026-03-05T10:00:00+03:00"), ev("2026-03-06T10:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="Яма осталась")],
      "2026-03-06T12:00:00+03:00",
      {"state": "execution", "counters": {"reworks": 1},
       "terms": [{"name": "rework", "due": "2026-03-12T23:59:59+03:00", "clause": "Mikhailovka 4.4"}]},
      "Mikhailovka 4.4: 3 working days (7-9 March 2026 are days off)"),
 case("mikhailovka-wf-commission-after-three-reworks", M, mmsg(),
      [mreg(), macc(), mans("2026-03-05T10:00:00+03:00"),
       ev("2026-03-06T10:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="1"), mans("2026-03-10T10:00:00+03:00"),
       ev("2026-03-10T11:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="2"), mans("2026-03-11T10:00:00+03:00"),
       ev("2026-03-11T11:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="3"), mans("2026-03-12T10:00:00+03:00"),
       ev("2026-03-12T11:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="4")],
      "2026-03-12T12:00:00+03:00",
      {"state": "answered", "counters": {"reworks": 3},
       "refused": [{"index": 9, "reason": refused("rework_limit", "Mikhailovka 4.4")}]}, "Mikhailovka 4.4"),
 case("mikhailovka-wf-commission-effect", M, mmsg(),
      [mreg(), macc(), mans("2026-03-05T10:00:00+03:00"),
       ev("2026-03-06T10:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="1"), mans("2026-03-10T10:00:00+03:00"),
       ev("2026-03-10T11:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="2"), mans("2026-03-11T10:00:00+03:00"),
       ev("2026-03-11T11:00:00+03:00", "u1", ["applicant"], "rate", rating="negative", remarks="3")],
      "2026-03-11T12:00:00+03:00",
      {"state": "execution", "counters": {"reworks": 3},
       "effects": [{}, {}, {}, {}, {}, {}, {}, {"kind": "notice_rework"},
                   {"kind": "escalation_rework_limit", "to": "commission", "clause": "Mikhailovka 4.4"}]}, "Mikhailovka 4.4"),
 case("mikhailovka-wf-block-over-30-days", M, mmsg(), [ev("2026-03-02T11:00:00+03:00", *MOD, "block_user", user="troll", days=31)],
      "2026-03-02T12:00:00+03:00",
      {"refused": [{"reason": refused("block_too_long", "Mikhailovka 2.1")}], "effects": []}, "Mikhailovka 2.1"),
 case("mikhailovka-wf-block-30-days", M, mmsg(), [ev("2026-03-02T11:00:00+03:00", *MOD, "block_user", user="troll", days=30)],
      "2026-03-02T12:00:00+03:00",
      {"state": "moderation", "refused": [], "effects": [{"kind": "user_blocked", "to": "user", "code": "troll", "clause": "Mikhailovka 2.1"}]},
      "Mikhailovka 2.1"),
 case("mikhailovka-wf-fast-track-answer-term", M, mmsg(fast_track="ft1"), [mreg(), macc()], "2026-03-03T12:00:00+03:00",
      {"state": "execution", "terms": [{"name": "answer", "due": "2026-03-13T23:59:59+03:00", "clause": "Mikhailovka 5.2"}]},
      "Mikhailovka 5.2: 8 working days"),
 case("mikhailovka-wf-no-publication", M, mmsg(), [ev("2026-03-02T11:00:00+03:00", *MOD, "register_and_publish")], "2026-03-02T12:00:00+03:00",
      {"state": "moderation", "refused": [{"reason": {"code": "action_not_enabled"}}]}, "Mikhailovka s.3: register or refuse"),
 view("mikhailovka-view-guest", M, mmsg(), [mreg()], {"id": "g", "roles": ["guest"]}, False, "non_public", "Mikhailovka 4.1"),
 view("mikhailovka-view-executor", M, mmsg(), [mreg()], {"id": "ex", "roles": ["executor"]}, True, "official", "Mikhailovka 4.1"),
]
write("mikhailovka", "Mikhailovka workflow: replay and visibility", mik)

# ---------------------------------------------------------------- Mamadysh
A = "mamadysh"
def amsg(**kw):
    m = {"id": "p1", "channel": "epgu", "author": {"id": "u1", "auth": "esia"}, "sent_at": "2026-03-02T10:00:00+03:00",
         "text": "Не работает освещение", "category": "all"}
    m.update(kw)
    return m
AMOD = ("epgu", ["moderator"])
CO = ("co", ["coordinator"])
AEX = ("ex", ["executor"])
HEAD = ("head", ["signer", "approver"])
def areg(at="2026-03-02T12:00:00+03:00"):
    return ev(at, *AMOD, "register")
def assign(at="2026-03-02T13:00:00+03:00"):
    return ev(at, *CO, "assign", assignee="ex")
def accept(at="2026-03-02T14:00:00+03:00"):
    return ev(at, *AEX, "accept")
def aans(at, **kw):
    kw.setdefault("result", "solved"); kw.setdefault("text", "Освещение восстановлено"); kw.setdefault("approver", "head")
    return ev(at, *AEX, "answer", **kw)
def sign(at, **kw):
    return ev(at, *HEAD, "approve", **kw)
mam = [
 case("mamadysh-wf-no-term-before-registration", A, amsg(), [], "2026-03-02T11:00:00+03:00",
      {"state": "moderation", "terms": [], "allowed": [{"role": "moderator", "actions": ["register"]}, {"role": "operator", "actions": ["register"]}]},
      "Mamadysh s.3: 30 days from registration"),
 case("mamadysh-wf-answer-from-registration", A, amsg(), [areg()], "2026-03-03T11:00:00+03:00",
      {"state": "coordination", "terms": [{"name": "answer", "start": "2026-03-02T12:00:00+03:00", "due": "2026-04-01T23:59:59+03:00", "clause": "Mamadysh s.3"}]},
      "Mamadysh s.3"),
 case("mamadysh-wf-59fz-redirect-term", A, amsg(appeal_59fz=True), [areg()], "2026-03-03T11:00:00+03:00",
      {"state": "coordination", "terms": [{"name": "redirect", "due": "2026-03-10T23:59:59+03:00", "clause": "Mamadysh s.2"}, {"name": "answer"}]},
      "Mamadysh s.2: 7 calendar days from registration; the last day, 9 March 2026, is a day off (transfer of 8 March), so it ends on 10 March"),
 case("mamadysh-wf-head-notice-after-assignment", A, amsg(), [areg(), assign()], "2026-03-02T15:00:00+03:00",
      {"state": "acceptance", "executor": "ex",
       "terms": [{"name": "head_notice", "start": "2026-03-02T13:00:00+03:00", "due": "2026-03-03T23:59:59+03:00", "clause": "Mamadysh s.2"}, {"name": "answer"}]},
      "Mamadysh s.2"),
 case("mamadysh-wf-signature-required", A, amsg(), [areg(), assign(), accept(), aans("2026-03-03T10:00:00+03:00"), sign("2026-03-03T12:00:00+03:00")],
      "2026-03-03T13:00:00+03:00",
      {"state": "sign_off", "refused": [{"index": 4, "reason": refused("signature_required", "Mamadysh s.3")}]}, "Mamadysh s.3"),
 case("mamadysh-wf-59fz-needs-ukep", A, amsg(appeal_59fz=True),
      [areg(), assign(), accept(), aans("2026-03-03T10:00:00+03:00"), sign("2026-03-03T12:00:00+03:00", signature="unep"),
       sign("2026-03-03T12:30:00+03:00", signature="ukep")],
      "2026-03-03T13:00:00+03:00",
      {"state": "answered", "refused": [{"index": 4, "reason": refused("qualified_signature_required", "Mamadysh s.2")}],
       "effects": [{"kind": "notice_answer", "clause": "Mamadysh s.2", "to": "applicant"}]}, "Mamadysh s.2"),
 case("mamadysh-wf-postponed-at-most-once", A, amsg(),
      [areg(), assign(), accept(), aans("2026-03-03T10:00:00+03:00", result="postponed", planned_date="2026-03-20", text="Промежуточный ответ"),
       sign("2026-03-03T12:00:00+03:00", signature="unep"),
       aans("2026-03-20T10:00:00+03:00", result="postponed", planned_date="2026-04-10")],
      "2026-03-20T11:00:00+03:00",
      {"state": "postponed", "counters": {"postponements": 1},
       "refused": [{"index": 5, "reason": refused("postponement_limit", "Mamadysh s.3")}],
       "effects": [{"kind": "notice_interim_answer", "clause": "Mamadysh s.2"}]}, "Mamadysh s.2, s.3"),
 case("mamadysh-wf-postponed-needs-date", A, amsg(), [areg(), assign(), accept(), aans("2026-03-03T10:00:00+03:00", result="postponed")],
      "2026-03-03T11:00:00+03:00",
      {"state": "execution", "refused": [{"reason": refused("postponed_without_date", "Mamadysh s.2")}]}, "Mamadysh s.2"),
 case("mamadysh-wf-delegate-approval", A, amsg(),
      [areg(), assign(), accept(), aans("2026-03-03T10:00:00+03:00", co_approvers=["h1"]),
       ev("2026-03-03T11:00:00+03:00", "h1", ["approver"], "delegate", to="h2"),
       ev("2026-03-03T11:30:00+03:00", "h1", ["approver"], "approve"),
       ev("2026-03-03T12:00:00+03:00", "h2", ["approver"], "approve", text="Освещение восстановлено 03.03.2026")],
      "2026-03-03T13:00:00+03:00",
      {"state": "sign_off", "pending": {"kind": "answer", "approvers": [], "signer": "head", "text": "Освещение восстановлено 03.03.2026"},
       "refused": [{"index": 5, "reason": {"code": "not_the_approver"}}]}, "Mamadysh s.2"),
 case("mamadysh-wf-curator-return-for-review", A, amsg(),
      [areg(), assign(), accept(), aans("2026-03-03T10:00:00+03:00"), sign("2026-03-03T12:00:00+03:00", signature="unep"),
       ev("2026-03-04T10:00:00+03:00", "cur", ["curator"], "return_for_review", reason="Фото не соответствует месту")],
      "2026-03-04T11:00:00+03:00",
      {"state": "execution", "refused": []}, "Mamadysh s.2"),
 case("mamadysh-wf-administrator-takes-no-part", A, amsg(), [ev("2026-03-02T12:00:00+03:00", "adm", ["administrator"], "register")],
      "2026-03-02T13:00:00+03:00",
      {"state": "moderation", "refused": [{"reason": refused("administrator_no_processing", "Mamadysh s.2")}]}, "Mamadysh s.2"),
 case("mamadysh-wf-transfer-notifies", A, amsg(),
      [areg(), ev("2026-03-02T13:00:00+03:00", *CO, "transfer", organisation="rt-roads", approver="head"),
       sign("2026-03-02T15:00:00+03:00")],
      "2026-03-02T16:00:00+03:00",
      {"state": "transferred", "is_final": True, "organisation": "rt-roads",
       "effects": [{"kind": "notice_redirected", "code": "rt-roads"}]}, "Mamadysh s.2"),
 case("mamadysh-wf-return-to-coordination", A, amsg(),
      [areg(), assign(), ev("2026-03-02T14:00:00+03:00", *AEX, "return_not_in_competence", reason="не наш вопрос")],
      "2026-03-02T15:00:00+03:00",
      {"state": "coordination", "executor": None} if False else {"state": "coordination"}, "Mamadysh s.2: «вернуть на координацию»"),
 view("mamadysh-view-administrator", A, amsg(), [areg()], {"id": "adm", "roles": ["administrator"]}, False, "non_public", "Mamadysh s.2"),
 view("mamadysh-view-curator", A, amsg(), [areg()], {"id": "cur", "roles": ["curator"]}, True, "official", "Mamadysh s.2"),
]
write("mamadysh", "Mamadysh workflow (ПОС): replay and visibility", mam)

# ---------------------------------------------------------------- Tynda
T = "tynda"
def tmsg(**kw):
    m = {"id": "t1", "channel": "epgu", "author": {"id": "u1", "auth": "esia"}, "sent_at": "2026-03-02T10:00:00+09:00",
         "text": "Нет отопления", "category": "other"}
    m.update(kw)
    return m
TMOD = ("epgu", ["moderator"])
TCO = ("co", ["coordinator"])
TEX = ("ex", ["executor"])
OFF = {"position": "начальник отдела", "name": "Иванов Иван Иванович"}
def treg(at="2026-03-02T12:00:00+09:00"):
    return ev(at, *TMOD, "register")
def tassign(at="2026-03-02T13:00:00+09:00"):
    return ev(at, *TCO, "assign", assignee="ex")
def tans(at, **kw):
    kw.setdefault("result", "solved"); kw.setdefault("text", "Отопление восстановлено")
    kw.setdefault("official", OFF); kw.setdefault("approver", "s1")
    return ev(at, *TEX, "answer", **kw)
tyn = [
 case("tynda-wf-answer-from-sending", T, tmsg(), [], "2026-03-03T10:00:00+09:00",
      {"state": "moderation", "terms": [{"name": "answer", "start": "2026-03-02T10:00:00+09:00", "due": "2026-04-01T23:59:59+09:00", "clause": "Tynda 3.9"}]},
      "Tynda 3.9"),
 case("tynda-wf-assign-to-execution", T, tmsg(), [treg(), tassign()], "2026-03-02T14:00:00+09:00",
      {"state": "execution", "executor": "ex",
       "allowed": [{"role": "executor", "actions": ["answer"]}]}, "Tynda 3.4 1)"),
 case("tynda-wf-official-required", T, tmsg(), [treg(), tassign(), tans("2026-03-03T10:00:00+09:00", official={"position": "", "name": "Иванов"})],
      "2026-03-03T11:00:00+09:00",
      {"state": "execution", "refused": [{"reason": refused("official_required", "Tynda 3.5")}]}, "Tynda 3.5"),
 case("tynda-wf-approver-required", T, tmsg(), [treg(), tassign(), tans("2026-03-03T10:00:00+09:00", approver=None)],
      "2026-03-03T11:00:00+09:00",
      {"state": "execution", "refused": [{"reason": refused("approver_required", "Tynda 3.5")}]}, "Tynda 3.5"),
 case("tynda-wf-approval-and-sign-off", T, tmsg(),
      [treg(), tassign(), tans("2026-03-03T10:00:00+09:00", co_approvers=["h1"]),
       ev("2026-03-03T11:00:00+09:00", "h1", ["approver"], "approve", text="Отопление восстановлено 03.03"),
       ev("2026-03-03T12:00:00+09:00", "s1", ["signer"], "approve")],
      "2026-03-03T13:00:00+09:00",
      {"state": "answered", "result": "solved", "terms": [],
       "story": [{"to": "coordination"}, {"to": "execution"}, {"to": "approval"}, {"to": "sign_off"}, {"to": "answered"}],
       "effects": [{"kind": "notice_answer", "clause": "Tynda 2.1 3)"}]}, "Tynda 3.6, 3.7"),
 case("tynda-wf-not-the-signer", T, tmsg(),
      [treg(), tassign(), tans("2026-03-03T10:00:00+09:00"), ev("2026-03-03T12:00:00+09:00", "s2", ["signer"], "approve")],
      "2026-03-03T13:00:00+09:00",
      {"state": "sign_off", "refused": [{"reason": {"code": "not_the_signer"}}]}, "Tynda 3.5, 3.7"),
 case("tynda-wf-decline-answer-to-execution", T, tmsg(),
      [treg(), tassign(), tans("2026-03-03T10:00:00+09:00"), ev("2026-03-03T12:00:00+09:00", "s1", ["signer"], "decline", reason="Нет фото")],
      "2026-03-03T13:00:00+09:00",
      {"state": "execution"}, "Tynda 3.7 2)"),
 case("tynda-wf-transfer-notifies", T, tmsg(),
      [treg(), ev("2026-03-02T13:00:00+09:00", *TCO, "transfer", organisation="amur-energy"),
       ev("2026-03-02T15:00:00+09:00", "s1", ["signer"], "approve")],
      "2026-03-02T16:00:00+09:00",
      {"state": "transferred", "effects": [{"kind": "notice_redirected", "clause": "Tynda 3.4 3)", "to": "applicant"}]}, "Tynda 3.4 3), 3.7"),
 case("tynda-wf-decline-transfer-to-coordination", T, tmsg(),
      [treg(), ev("2026-03-02T13:00:00+09:00", *TCO, "transfer", organisation="amur-energy", co_approvers=["h1"]),
       ev("2026-03-02T15:00:00+09:00", "h1", ["approver"], "decline")],
      "2026-03-02T16:00:00+09:00",
      {"state": "coordination", "effects": []}, "Tynda 3.6 2)"),
 case("tynda-wf-coordinator-takes-into-work", T, tmsg(),
      [treg(), ev("2026-03-02T13:00:00+09:00", *TCO, "take_into_work"), ev("2026-03-03T10:00:00+09:00", *TCO, "answer", result="rejected", text="Не подтвердилось", official=OFF, approver="s1")],
      "2026-03-03T11:00:00+09:00",
      {"state": "sign_off", "executor": "co", "refused": []}, "Tynda 3.4 2)"),
 case("tynda-wf-refuse-third-party-data", T, tmsg(), [ev("2026-03-02T12:00:00+09:00", *TMOD, "refuse", code="third_party_personal_data")],
      "2026-03-02T13:00:00+09:00",
      {"state": "refused", "effects": [{"kind": "notice_refused", "code": "third_party_personal_data"}]}, "Tynda 3.3 1) ж"),
 case("tynda-wf-change-organisation-to-coordination", T, tmsg(),
      [ev("2026-03-02T12:00:00+09:00", *TMOD, "change_organisation", organisation="tynda-administration")],
      "2026-03-02T13:00:00+09:00",
      {"state": "coordination", "organisation": "tynda-administration"}, "Tynda 3.3 2)"),
 case("tynda-wf-no-delegation", T, tmsg(),
      [treg(), tassign(), tans("2026-03-03T10:00:00+09:00"), ev("2026-03-03T12:00:00+09:00", "s1", ["signer"], "delegate", to="s2")],
      "2026-03-03T13:00:00+09:00",
      {"state": "sign_off", "refused": [{"reason": {"code": "action_not_enabled"}}]}, "Tynda 3.6-3.7 have no delegation"),
 case("tynda-wf-answer-overdue", T, tmsg(), [treg(), tassign()], "2026-04-03T10:00:00+09:00",
      {"terms": [{"name": "answer", "status": "overdue", "overdue_working_days": 2}]}, "Tynda 3.9"),
 view("tynda-view-other-user", T, tmsg(), [treg()], {"id": "u2", "roles": ["user"]}, False, "non_public", "Tynda 1.2"),
 view("tynda-view-author", T, tmsg(), [treg()], {"id": "u1", "roles": ["applicant"]}, True, "author", "Tynda 2.1 3)"),
]
write("tynda", "Tynda workflow (ПОС): replay and visibility", tyn)
