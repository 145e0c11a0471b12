//! The results of the self-assessment, all computed in the browser by eer-domain and
//! explained: eligibility with its reasons and next step; the readiness checklist; the regions
//! that fit best, each with its score, reasons, figures (year and source) and what would
//! change it; then the call to the interest form and the ways to save and share.

use crate::components::page_title::use_page_title;
use crate::components::quiz_url::{href_with, quiz_href, use_answers};
use crate::components::share::Share;
use crate::i18n::{K, text, use_lang};
use eer_domain::eligibility::{self, Outcome};
use eer_domain::fit::{self, Effect, RegionFit};
use eer_domain::readiness::{self, Readiness, ReadinessItem};
use eer_domain::{Page, catalogue};
use leptos::prelude::*;

/// How many regions the results show in full; the explorer shows all 15.
const TOP: usize = 5;

#[component]
pub fn Results() -> impl IntoView {
    use_page_title(K::ResultsTitle);
    let lang = use_lang();
    let answers = use_answers();
    let tx = move |key: K| move || text(lang.get(), key);
    let missing = move || {
        answers.with(|a| {
            eer_domain::flow::flow(a)
                .iter()
                .filter(|q| !a.has(q.id))
                .count()
        })
    };
    let ranking = Memo::new(move |_| answers.with(|a| fit::rank(a, catalogue())));
    let interest_href = move || {
        let regions: Vec<String> =
            ranking.with(|r| r.iter().take(3).map(|f| f.code.clone()).collect());
        answers.with(|a| {
            href_with(
                &Page::Interest,
                lang.get(),
                a,
                &[("regions", &regions.join(","))],
            )
        })
    };
    let explorer_href =
        move || answers.with(|a| href_with(&Page::Explorer, lang.get(), a, &[("show", "fit")]));
    let check_href = move || answers.with(|a| href_with(&Page::QuizCheck, lang.get(), a, &[]));

    view! {
        <div class="page page--results">
            <h1>{tx(K::ResultsTitle)}</h1>
            {move || (missing() > 0).then(|| view! {
                <div class="notice">
                    <p>
                        {text(lang.get(), K::ResultsProvisional).replace("{n}", &missing().to_string())}
                        " "
                        <a href=move || answers.with(|a| quiz_href(lang.get(), a, a.next_question().map(|q| q.id), false))>
                            {tx(K::ResultsFinishQuiz)}
                        </a>
                    </p>
                </div>
            })}
            <EligibilityPanel answers/>
            <section aria-labelledby="regions-title">
                <h2 id="regions-title">{tx(K::ResultsRegionsTitle)}</h2>
                <p>{tx(K::ResultsRegionsLead)}</p>
                <ol class="fit-list">
                    {move || ranking.get().into_iter().take(TOP).enumerate()
                        .map(|(i, f)| view! { <FitCard rank=i + 1 fit=f/> })
                        .collect_view()}
                </ol>
                <p><a href=explorer_href>{tx(K::ResultsSeeMap)}</a></p>
            </section>
            <ReadinessPanel answers/>
            <section class="call" aria-labelledby="call-title">
                <h2 id="call-title">{tx(K::ResultsCallTitle)}</h2>
                <p>{tx(K::ResultsCallLead)}</p>
                <p class="actions"><a class="button button--start" href=interest_href>{tx(K::ResultsCallButton)}</a></p>
            </section>
            <Share/>
            <p class="no-print"><a href=check_href>{tx(K::ResultsChangeAnswers)}</a></p>
        </div>
    }
}

#[component]
fn EligibilityPanel(answers: Memo<eer_domain::Answers>) -> impl IntoView {
    let lang = use_lang();
    let result = Memo::new(move |_| answers.with(eligibility::assess));
    move || {
        let lang_now = lang.get();
        let e = result.get();
        let (class, label) = match e.outcome {
            Outcome::Eligible => ("outcome outcome--yes", K::ResultsOutcomeYes),
            Outcome::ToConfirm => ("outcome outcome--confirm", K::ResultsOutcomeConfirm),
            Outcome::OtherService => ("outcome outcome--other", K::ResultsOutcomeOther),
        };
        view! {
            <section class=class aria-labelledby="eligibility-title">
                <p class="outcome__label">{text(lang_now, label)}</p>
                <h2 id="eligibility-title">{e.headline.get(lang_now).to_string()}</h2>
                <ul>{e.reasons.iter().map(|r| view! { <li>{r.get(lang_now).to_string()}</li> }).collect_view()}</ul>
                {e.referral.as_ref().map(|r| view! {
                    <div class="referral">
                        <h3>{text(lang_now, K::ResultsReferral)}</h3>
                        <p>
                            // The organisation's site from the link registry, or the page of the
                            // service where one is named.
                            {match (r.link, &r.page) {
                                (Some(link), _) => view! { <a href=link.url rel="noopener">{r.name.get(lang_now).to_string()}</a> }.into_any(),
                                (None, Some(page)) => view! { <a href=page.path(lang_now)>{r.name.get(lang_now).to_string()}</a> }.into_any(),
                                (None, None) => view! { <strong>{r.name.get(lang_now).to_string()}</strong> }.into_any(),
                            }}
                            " — " {r.why.get(lang_now).to_string()}
                        </p>
                    </div>
                })}
                {(!e.next_steps.is_empty()).then(|| view! {
                    <h3>{text(lang_now, K::ResultsNextSteps)}</h3>
                    <ol>{e.next_steps.iter().map(|s| view! { <li>{s.get(lang_now).to_string()}</li> }).collect_view()}</ol>
                })}
            </section>
        }
    }
}

#[component]
fn FitCard(rank: usize, fit: RegionFit) -> impl IntoView {
    let lang = use_lang();
    let region = catalogue().region(&fit.code).cloned();
    let answers = use_answers();
    move || {
        let lang_now = lang.get();
        let region = region.clone()?;
        let href = Page::Region(region.slug.clone()).path(lang_now);
        let score_label = text(lang_now, K::ResultsScore).replace("{n}", &fit.score.to_string());
        let change = fit.what_would_change.clone().map(|c| {
            let href = answers.with(|a| {
                let mut changed = a.clone();
                let _ = changed.set(c.question_id, &c.choice_id);
                href_with(&Page::Results, lang_now, &changed, &[])
            });
            view! {
                <p class="fit__change">
                    <strong>{text(lang_now, K::ResultsWhatWouldChange)}</strong> " "
                    {c.text.get(lang_now).to_string()} " "
                    <a href=href>{text(lang_now, K::ResultsTryIt)}</a>
                </p>
            }
        });
        Some(view! {
            <li class="fit">
                <div class="fit__head">
                    <h3 class="fit__name"><span class="fit__rank">{format!("{rank}. ")}</span><a href=href>{region.name(lang_now).to_string()}</a></h3>
                    <p class="fit__score" aria-label=score_label.clone()>
                        <span class="fit__score-number">{fit.score}</span><span class="fit__score-max">"/100"</span>
                    </p>
                </div>
                <div class="meter" aria-hidden="true"><span class=format!("meter__bar meter__bar--{}", fit.score / 10 * 10)></span></div>
                <ul class="fit__reasons">
                    {fit.reasons.iter().map(|r| {
                        let class = match r.effect {
                            Effect::Plus => "reason reason--plus",
                            Effect::Minus => "reason reason--minus",
                            Effect::Neutral | Effect::Info => "reason",
                        };
                        let marker = match r.effect {
                            Effect::Plus => text(lang_now, K::ResultsPlus),
                            Effect::Minus => text(lang_now, K::ResultsMinus),
                            Effect::Neutral | Effect::Info => "",
                        };
                        view! {
                            <li class=class>
                                <span class="visually-hidden">{marker}</span>
                                // The domain's sentence already gives the figure with its year and
                                // source, in the page's language.
                                {r.text.get(lang_now).to_string()}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(!fit.unknowns.is_empty()).then(|| view! {
                    <p class="fit__unknowns">
                        <strong>{text(lang_now, K::ResultsUnknown)}</strong> " "
                        {fit.unknowns.iter().map(|u| u.get(lang_now).to_string()).collect::<Vec<_>>().join(" ")}
                    </p>
                })}
                {change}
            </li>
        })
    }
}

#[component]
fn ReadinessPanel(answers: Memo<eer_domain::Answers>) -> impl IntoView {
    let lang = use_lang();
    let items = Memo::new(move |_| answers.with(readiness::assess));
    let group = move |status: Readiness, key: K| {
        let lang_now = lang.get();
        let list: Vec<ReadinessItem> =
            items.with(|i| i.iter().filter(|x| x.status == status).cloned().collect());
        (!list.is_empty()).then(|| view! {
            <h3>{text(lang_now, key)}</h3>
            <ul class=format!("checklist checklist--{}", status_class(status))>
                {list.into_iter().map(|item| view! {
                    <li>
                        <strong>{item.topic.get(lang_now).to_string()}</strong> " : "
                        {item.summary.get(lang_now).to_string()}
                        {item.next_step.as_ref().map(|s| view! { <br/><span class="next-step">{s.get(lang_now).to_string()}</span> })}
                        {item.link.map(|l| view! { " " <a href=l.url rel="noopener">{text(lang_now, K::ResultsMoreInfo)}</a> })}
                    </li>
                }).collect_view()}
            </ul>
        })
    };
    view! {
        <section aria-labelledby="readiness-title">
            <h2 id="readiness-title">{move || text(lang.get(), K::ResultsReadinessTitle)}</h2>
            <p>{move || text(lang.get(), K::ResultsReadinessLead)}</p>
            {move || group(Readiness::ToPrepare, K::ResultsToPrepare)}
            {move || group(Readiness::Ready, K::ResultsReady)}
            {move || group(Readiness::Unanswered, K::ResultsUnanswered)}
        </section>
    }
}

fn status_class(status: Readiness) -> &'static str {
    match status {
        Readiness::Ready => "ready",
        Readiness::ToPrepare => "prepare",
        Readiness::NotApplicable => "na",
        Readiness::Unanswered => "unanswered",
    }
}
