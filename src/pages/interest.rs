//! The interest form: only what a counsellor needs to call back, prefilled from the quiz and
//! the chosen regions. Two separate, unticked consents (Québec's Law 25, s. 14: consent must be
//! manifest, free, enlightened, given for specific purposes, and requested for each purpose).
//! The same `eer_domain::interest::validate` as the endpoint gives instant, specific errors;
//! the endpoint stays the authority. A network failure queues the form in the outbox.

use crate::api::{self, Pending, SendError};
use crate::components::error_summary::{ErrorList, FieldError};
use crate::components::page_title::use_page_title;
use crate::components::quiz_url::{param, use_answers};
use crate::i18n::{K, text, use_lang};
use crate::nav::use_nav;
use crate::pages::interest_answers::{self, AnswersConsent};
use eer_domain::interest::{
    self, ContactMethod, Interest, MAX_REGIONS, ProjectKind, Residence, WireId,
};
use eer_domain::{Answers, Lang, Page, Text, catalogue};
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

/// The input id of a field path: `contact.email` → `f-contact-email`; list items point to the
/// list (`project.regions[2]` → `f-project-regions`).
pub fn field_id(path: &str) -> String {
    let base = path.split('[').next().unwrap_or(path);
    format!("f-{}", base.replace(['.', '_'], "-"))
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

/// A labelled text input bound to one field of the form.
#[component]
fn TextField(
    path: &'static str,
    label: K,
    #[prop(optional)] hint: Option<K>,
    #[prop(default = "text")] kind: &'static str,
    autocomplete: &'static str,
    form: RwSignal<Interest>,
    error: Signal<Option<String>>,
    get: fn(&Interest) -> String,
    set: fn(&mut Interest, String),
) -> impl IntoView {
    let lang = use_lang();
    let id = field_id(path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{move || text(lang.get(), label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || text(lang.get(), h)}</p> })}
            <FieldErrorText id=error_id error/>
            <input class="input" type=kind id=id name=path autocomplete=autocomplete spellcheck="false"
                aria-describedby=described aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)); }/>
        </div>
    }
}

/// A small whole number (adults, children).
#[component]
fn NumberField(
    path: &'static str,
    label: K,
    form: RwSignal<Interest>,
    error: Signal<Option<String>>,
    get: fn(&Interest) -> u8,
    set: fn(&mut Interest, u8),
) -> impl IntoView {
    let lang = use_lang();
    let id = field_id(path);
    let error_id = format!("{id}-error");
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{move || text(lang.get(), label)}</label>
            <FieldErrorText id=error_id.clone() error/>
            <input class="input input--narrow" type="text" inputmode="numeric" id=id name=path autocomplete="off"
                aria-describedby=move || error.get().is_some().then(|| error_id.clone())
                prop:value=move || form.with(|f| get(f).to_string())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    // Out-of-range or non-numbers become 255, which validation names precisely.
                    let n = v.trim().parse::<u8>().unwrap_or(u8::MAX);
                    form.update(|f| set(f, n));
                }/>
        </div>
    }
}

/// A group of radio buttons.
#[component]
fn Radios(
    path: &'static str,
    label: K,
    form: RwSignal<Interest>,
    error: Signal<Option<String>>,
    options: Vec<(&'static str, K)>,
    get: fn(&Interest) -> Option<&'static str>,
    set: fn(&mut Interest, &str),
) -> impl IntoView {
    let lang = use_lang();
    let id = field_id(path);
    let error_id = format!("{id}-error");
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset aria-describedby=move || error.get().is_some().then(|| error_id.clone())>
                <legend class="label">{move || text(lang.get(), label)}</legend>
                <FieldErrorText id=format!("{id}-error") error/>
                <div class="choices choices--inline">
                    {options.into_iter().enumerate().map(|(i, (value, key))| {
                        let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                        view! {
                            <div class="choice">
                                <input type="radio" id=input_id.clone() name=path value=value
                                    prop:checked=move || form.with(get) == Some(value)
                                    on:change=move |_| form.update(|f| set(f, value))/>
                                <label for=input_id>{move || text(lang.get(), key)}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
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
                <p class="hint" id=format!("{id}-hint")>{hint}</p>
                <FieldErrorText id=error_id error/>
                <div class="choices choices--columns">
                    {catalogue().destinations().map(|region| {
                        let code = region.code.clone();
                        let input_id = if code == "01" { id.clone() } else { format!("{id}-{code}") };
                        let checked = {
                            let code = code.clone();
                            move || form.with(|f| f.project.regions.contains(&code))
                        };
                        let region_fr = region.name_fr.clone();
                        let region_en = region.name_en.clone();
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=input_id.clone() name="regions" value=code.clone()
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let code = code.clone();
                                        form.update(|f| {
                                            f.project.regions.retain(|c| *c != code);
                                            if on { f.project.regions.push(code); }
                                        });
                                    }/>
                                <label for=input_id>{move || lang.get().pick(region_fr.clone(), region_en.clone())}</label>
                            </div>
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
    view! {
        <fieldset class="group consents">
            <legend class="group__title">{tx(K::InterestConsentTitle)}</legend>
            <div class="form-group" class:form-group--error=move || error.get().is_some()>
                <FieldErrorText id="f-consent-contact-error".to_string() error/>
                <div class="choice">
                    <input type="checkbox" id="f-consent-contact" name="consent_contact"
                        aria-describedby="f-consent-contact-hint"
                        prop:checked=move || form.with(|f| f.consent.contact)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.consent.contact = on); }/>
                    <label for="f-consent-contact">{tx(K::InterestConsentContact)}</label>
                    <p class="choice__hint hint" id="f-consent-contact-hint">{tx(K::InterestConsentContactHint)}</p>
                </div>
            </div>
            <div class="form-group">
                <div class="choice">
                    <input type="checkbox" id="f-consent-share-with-partner" name="consent_share"
                        aria-describedby="f-consent-share-hint"
                        prop:checked=move || form.with(|f| f.consent.share_with_partner)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.consent.share_with_partner = on); }/>
                    <label for="f-consent-share-with-partner">{tx(K::InterestConsentShare)}</label>
                    <p class="choice__hint hint" id="f-consent-share-hint">{tx(K::InterestConsentShareHint)}</p>
                </div>
            </div>
            <p>
                {tx(K::InterestPrivacyBefore)} " "
                <a href=move || Page::Privacy.path(lang.get())>{tx(K::InterestPrivacyLink)}</a>
            </p>
        </fieldset>
    }
}

/// The message under a field in error (hidden otherwise).
#[component]
fn FieldErrorText(id: String, error: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="error-message" id=id hidden=move || error.get().is_none()>
            <span class="visually-hidden">{move || text(lang.get(), K::ErrorPrefix)}</span>
            {move || error.get()}
        </p>
    }
}
