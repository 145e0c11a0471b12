//! The home page: what Emplois en régions is, for whom, the three kinds of project, how it goes,
//! and the two ways in (the self-assessment, the region explorer).

use crate::components::page_title::use_page_title;
use crate::i18n::{K, text, use_lang};
use eer_domain::Page;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    use_page_title(K::HomeTitle);
    let lang = use_lang();
    let tx = move |key: K| move || text(lang.get(), key);
    view! {
        <div class="page page--home">
            <h1>{tx(K::HomeTitle)}</h1>
            <p class="lead">{tx(K::HomeLead)}</p>
            <p class="actions">
                <a class="button button--start" href=move || Page::Quiz.path(lang.get())>
                    {tx(K::HomeStartQuiz)}
                </a>
                <a class="button button--secondary" href=move || Page::Explorer.path(lang.get())>
                    {tx(K::HomeExplore)}
                </a>
            </p>
            <p class="hint">{tx(K::HomeQuizTime)}</p>
            <h2>{tx(K::HomeProjectsHeading)}</h2>
            <ul class="cards">
                <li class="card">{tx(K::HomeProjectJob)}</li>
                <li class="card">{tx(K::HomeProjectTraining)}</li>
                <li class="card">{tx(K::HomeProjectBusiness)}</li>
            </ul>
            <h2>{tx(K::HomeHowHeading)}</h2>
            <ol class="steps">
                <li>{tx(K::HomeHow1)}</li>
                <li>{tx(K::HomeHow2)}</li>
                <li>{tx(K::HomeHow3)}</li>
                <li>{tx(K::HomeHow4)}</li>
            </ol>
        </div>
    }
}
