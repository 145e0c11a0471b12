//! The interest form: only what a counsellor needs to call back, prefilled from the quiz and
//! the chosen regions. Two separate, unticked consents (Québec's Law 25, s. 14: consent must be
//! manifest, free, enlightened, given for specific purposes, and requested for each purpose).
//! The same `eer_domain::interest::validate` as the endpoint gives instant, specific errors;
//! the endpoint stays the authority. A network failure queues the form in the outbox.

use crate::api::{self, Pending, SendError};
use crate::components::error_summary::{ErrorList, FieldError};
use crate::components::form::{
    Choice, ErrorMessage, Hint, NumberField, Radios, TextField, field_id,
};
use crate::components::page_title::use_page_title;
use crate::components::quiz_url::{param, use_answers};
use crate::i18n::{K, text, use_lang};
use crate::nav::use_nav;
use crate::pages::interest_answers::{self, AnswersConsent};
use eer_domain::destination::Destination;
use eer_domain::interest::{
    self, ContactMethod, Interest, MAX_REGIONS, ProjectKind, Residence, WireId,
};
use eer_domain::{Answers, Lang, Page, Text};
use leptos::prelude::*;

/// The version of the consent texts shown (stored with each submission, so the program can
/// show later what a person agreed to). Change it whenever the wording of a consent changes.
pub const CONSENT_VERSION: &str = "2026-11";

/// The form prefilled from the quiz answers and the `regions` of the address
/// (`eer_domain::interest::prefilled`), with this app's consent version and channel.
fn prefilled(lang: Lang, answers: &Answers, regions: Option<String>) -> Interest {
    let mut form = interest::prefilled(lang, answers, regions.as_deref());
    form.consent.version = CONSENT_VERSION.to_string();
    let (channel, partner) = crate::mode::source();
    form.source.channel = Some(channel);
    form.source.partner = partner;
    form
}

#[component]
pub fn InterestForm() -> impl IntoView {
    use_page_title(K::InterestTitle);
    let lang = use_lang();
    let nav = use_nav();
    let answers = use_answers();
    let regions = nav.url.with_untracked(|u| param(&u.query, "regions"));
    let form = RwSignal::new(prefilled(
        lang.get_untracked(),
        &answers.get_untracked(),
        regions,
    ));
    let share_answers = RwSignal::new(false);
    let left_out = RwSignal::new(Vec::<&'static str>::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sending = RwSignal::new(false);
    // One key per filled-in form: a retry after a network failure is the same submission.
    let key = StoredValue::new(api::new_idempotency_key());

    let error_for = move |path: &'static str| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.target == field_id(path))
                    .map(|e| e.message.get(lang.get()).to_string())
            })
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let lang_now = lang.get_untracked();
        let mut data = form.get_untracked().normalized();
        data.lang = lang_now;
        data.answers = interest_answers::to_send(
            &answers.get_untracked(),
            share_answers.get_untracked(),
            &left_out.get_untracked(),
        );
        if let Err(list) = interest::validate(&data) {
            errors.set(dedupe(
                list.into_iter()
                    .map(|e| FieldError {
                        target: field_id(&e.field),
                        message: e.message,
                    })
                    .collect(),
            ));
            return;
        }
        errors.set(Vec::new());
        let body = serde_json::to_string(&data).unwrap_or_default();
        let key = key.get_value();
        sending.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = api::send(&key, &body).await;
            sending.set(false);
            match result {
                Ok(receipt) => {
                    let href = format!(
                        "{}?ref={}&org={}",
                        Page::InterestSent.path(lang_now),
                        receipt.reference,
                        receipt.organisation
                    );
                    nav.push(&href);
                }
                Err(SendError::Unreachable) => {
                    api::enqueue(Pending { key, body });
                    nav.push(&format!("{}?queued=1", Page::InterestSent.path(lang_now)));
                }
                Err(SendError::Invalid { fields, .. }) => errors.set(dedupe(
                    fields
                        .into_iter()
                        .map(|f| FieldError { target: field_id(&f.field), message: Text::new(f.message.clone(), f.message) })
                        .collect(),
                )),
                Err(SendError::TooMany { retry_after }) => errors.set(vec![FieldError {
                    target: "f-submit".into(),
                    message: Text::new(
                        format!("Trop d’envois depuis cette connexion. Réessayez dans {retry_after} secondes : vos réponses sont conservées."),
                        format!("Too many submissions from this connection. Try again in {retry_after} seconds: your answers are kept."),
                    ),
                }]),
                Err(SendError::Refused { message }) => errors.set(vec![FieldError {
                    target: "f-submit".into(),
                    message: Text::new(message.clone(), message),
                }]),
            }
        });
    };

    let tx = move |key: K| move || text(lang.get(), key);
    view! {
        <div class="page page--narrow">
            <h1>{tx(K::InterestTitle)}</h1>
            <p class="lead">{tx(K::InterestLead)}</p>
            <ErrorList errors=Signal::derive(move || errors.get())/>
            <form class="interest" novalidate on:submit=submit>
                <fieldset class="group">
                    <legend class="group__title">{tx(K::InterestContactTitle)}</legend>
                    <TextField path="contact.first_name" label=K::InterestFirstName autocomplete="given-name" form error=error_for("contact.first_name")
                        get=|f| f.contact.first_name.clone() set=|f, v| f.contact.first_name = v/>
                    <TextField path="contact.last_name" label=K::InterestLastName autocomplete="family-name" form error=error_for("contact.last_name")
                        get=|f| f.contact.last_name.clone() set=|f, v| f.contact.last_name = v/>
                    <TextField path="contact.email" label=K::InterestEmail autocomplete="email" kind="email" form error=error_for("contact.email")
                        get=|f| f.contact.email.clone() set=|f, v| f.contact.email = v/>
                    <TextField path="contact.phone" label=K::InterestPhone hint=K::InterestPhoneHint autocomplete="tel" kind="tel" form error=error_for("contact.phone")
                        get=|f| f.contact.phone.clone().unwrap_or_default() set=|f, v| f.contact.phone = Some(v)/>
                    <Radios path="contact.preferred" label=K::InterestPreferred form error=error_for("contact.preferred")
                        options=vec![("email", K::InterestByEmail), ("phone", K::InterestByPhone)]
                        get=|f| f.contact.preferred.map(ContactMethod::id)
                        set=|f, v| f.contact.preferred = ContactMethod::from_id(v)/>
                    <Radios path="contact.language" label=K::InterestLanguage form error=error_for("contact.language")
                        options=vec![("fr", K::InterestFrench), ("en", K::InterestEnglish)]
                        get=|f| f.contact.language.map(Lang::code)
                        set=|f, v| f.contact.language = Lang::from_code(v)/>
                </fieldset>
                <fieldset class="group">
                    <legend class="group__title">{tx(K::InterestSituationTitle)}</legend>
                    <Radios path="situation.residence" label=K::InterestResidence form error=error_for("situation.residence")
                        options=vec![("montreal", K::InterestResMontreal), ("abroad", K::InterestResAbroad), ("quebec", K::InterestResQuebec), ("canada", K::InterestResCanada)]
                        get=|f| f.situation.residence.map(Residence::id)
                        set=|f, v| f.situation.residence = Residence::from_id(v)/>
                    <Show when=move || form.with(|f| f.situation.residence == Some(Residence::Abroad))>
                        <TextField path="situation.country" label=K::InterestCountry autocomplete="country-name" form error=error_for("situation.country")
                            get=|f| f.situation.country.clone().unwrap_or_default() set=|f, v| f.situation.country = Some(v)/>
                    </Show>
                    <NumberField path="situation.adults" label=K::InterestAdults form error=error_for("situation.adults")
                        get=|f| f.situation.adults set=|f, v| f.situation.adults = v/>
                    <NumberField path="situation.children" label=K::InterestChildren form error=error_for("situation.children")
                        get=|f| f.situation.children set=|f, v| f.situation.children = v/>
                    <TextField path="situation.occupation" label=K::InterestOccupation hint=K::InterestOccupationHint autocomplete="organization-title" form error=error_for("situation.occupation")
                        get=|f| f.situation.occupation.clone() set=|f, v| f.situation.occupation = v/>
                </fieldset>
                <fieldset class="group">
                    <legend class="group__title">{tx(K::InterestProjectTitle)}</legend>
                    <Radios path="project.kind" label=K::InterestKind form error=error_for("project.kind")
                        options=vec![("job", K::InterestKindJob), ("training", K::InterestKindTraining), ("business", K::InterestKindBusiness), ("undecided", K::InterestKindUndecided)]
                        get=|f| f.project.kind.map(ProjectKind::id)
                        set=|f, v| f.project.kind = ProjectKind::from_id(v)/>
                    <RegionChoice form error=error_for("project.regions")/>
                </fieldset>
                <div class="form-group" class:form-group--error=move || error_for("message").get().is_some()>
                    <label class="label" for="f-message">{tx(K::InterestMessage)}</label>
                    <p class="hint" id="f-message-hint">{tx(K::InterestMessageHint)}</p>
                    <textarea class="input textarea" id="f-message" rows="4" maxlength=interest::MAX_MESSAGE.to_string() aria-describedby="f-message-hint"
                        prop:value=move || form.with(|f| f.message.clone().unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.message = Some(v)); }></textarea>
                </div>
                <AnswersConsent answers=answers.get_untracked() share=share_answers left_out/>
                <Consents form error=error_for("consent.contact")/>
                // A honeypot: invisible to people (and to assistive technology), filled by bots.
                <div class="honeypot" aria-hidden="true">
                    <label for="f-website">"Website"</label>
                    <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off"
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.website = v); }/>
                </div>
                <p class="error-message" id="f-submit" hidden=move || error_for("submit").get().is_none()>
                    {move || error_for("submit").get()}
                </p>
                <button type="submit" class="button" prop:disabled=move || sending.get()>
                    {move || if sending.get() { text(lang.get(), K::InterestSending) } else { text(lang.get(), K::InterestSend) }}
                </button>
            </form>
        </div>
    }
}

/// One error per field (the first), so the summary is short and each link unique.
fn dedupe(list: Vec<FieldError>) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = Vec::new();
    for e in list {
        if !out.iter().any(|o| o.target == e.target) {
            out.push(e);
        }
    }
    out
}

/// The regions of interest: 1 to 5 among the 15 destinations.
#[component]
fn RegionChoice(form: RwSignal<Interest>, error: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let id = field_id("project.regions");
    let error_id = format!("{id}-error");
    let hint =
        move || text(lang.get(), K::InterestRegionsHint).replace("{n}", &MAX_REGIONS.to_string());
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset aria-describedby=format!("{id}-hint")>
                <legend class="label">{move || text(lang.get(), K::InterestRegions)}</legend>
                <Hint id=format!("{id}-hint") text=Signal::derive(hint)/>
                <ErrorMessage id=error_id error/>
                <div class="choices choices--columns">
                    // The names alone, not the catalogue: it would weigh on this bundle.
                    {Destination::ALL.iter().map(|d| {
                        let code = d.code().to_string();
                        let [region_fr, region_en] = d.names();
                        let input_id = if code == "01" { id.clone() } else { format!("{id}-{code}") };
                        let checked = {
                            let code = code.clone();
                            move || form.with(|f| f.project.regions.contains(&code))
                        };
                        let on_change = {
                            let code = code.clone();
                            move |on: bool| {
                                let code = code.clone();
                                form.update(|f| {
                                    f.project.regions.retain(|c| *c != code);
                                    if on { f.project.regions.push(code); }
                                });
                            }
                        };
                        view! {
                            <Choice kind="checkbox" id=input_id name="regions" value=code checked on_change
                                label=Signal::derive(move || lang.get().pick(region_fr, region_en).to_string())/>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// The two consents, separate and unticked, each with its purpose and retention in plain words.
#[component]
fn Consents(form: RwSignal<Interest>, error: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let tx = move |key: K| move || text(lang.get(), key);
    let tr = move |key: K| Signal::derive(move || text(lang.get(), key).to_string());
    view! {
        <fieldset class="group consents">
            <legend class="group__title">{tx(K::InterestConsentTitle)}</legend>
            <div class="form-group" class:form-group--error=move || error.get().is_some()>
                <ErrorMessage id="f-consent-contact-error".to_string() error/>
                <Choice kind="checkbox" id="f-consent-contact".to_string() name="consent_contact"
                    label=tr(K::InterestConsentContact)
                    hint=Some(("f-consent-contact-hint".to_string(), tr(K::InterestConsentContactHint)))
                    checked=move || form.with(|f| f.consent.contact)
                    on_change=move |on| form.update(|f| f.consent.contact = on)/>
            </div>
            <div class="form-group">
                <Choice kind="checkbox" id="f-consent-share-with-partner".to_string() name="consent_share"
                    label=tr(K::InterestConsentShare)
                    hint=Some(("f-consent-share-hint".to_string(), tr(K::InterestConsentShareHint)))
                    checked=move || form.with(|f| f.consent.share_with_partner)
                    on_change=move |on| form.update(|f| f.consent.share_with_partner = on)/>
            </div>
            <p>
                {tx(K::InterestPrivacyBefore)} " "
                <a href=move || Page::Privacy.path(lang.get())>{tx(K::InterestPrivacyLink)}</a>
            </p>
        </fieldset>
    }
}
