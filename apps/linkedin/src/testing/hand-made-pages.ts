// Test data only (never imported by the server). Everything in this file is HAND-MADE, not recorded:
// see each page's comment. Recorded LinkedIn pages live in fixtures/linkedin/.

/*
 * HAND-MADE PAGE — NOT A RECORDED FIXTURE.
 * There is no recorded public (logged-out) LinkedIn profile in fixtures/linkedin/. This page
 * was written by hand for these tests, modelled on the structure of LinkedIn's public profile markup
 * (a JSON-LD `@graph` with `Person` + `WebPage`, Open Graph tags, the `top-card-layout` card and
 * `section[data-section=…]` blocks). The person, company and school are invented. It proves the
 * extractor's logic, not that LinkedIn currently serves exactly this markup.
 */
export const HAND_MADE_PUBLIC_PROFILE = `<!DOCTYPE html>
<html lang="fr"><head>
<title>Camille Exemple - Directrice commerciale - Exemple Industries | LinkedIn</title>
<meta name="pageKey" content="public_profile_v3_desktop">
<meta property="og:title" content="Camille Exemple - Directrice commerciale - Exemple Industries | LinkedIn">
<meta property="og:description" content="Expérience : Exemple Industries · Formation : École Exemple · Lieu : Lyon · 500+ relations sur LinkedIn.">
<meta property="og:url" content="https://fr.linkedin.com/in/camille-exemple-0000">
<meta property="og:image" content="https://media.licdn.com/dms/image/v2/EXAMPLE/profile-displayphoto-shrink_200_200/0/1?e=1&amp;v=beta&amp;t=x">
<link rel="canonical" href="https://fr.linkedin.com/in/camille-exemple-0000">
<script type="application/ld+json">{"@context":"http://schema.org","@graph":[{"@type":"Person",
 "name":"Camille Exemple","url":"https://fr.linkedin.com/in/camille-exemple-0000",
 "address":{"@type":"PostalAddress","addressLocality":"Lyon, Auvergne-Rhône-Alpes, France","addressCountry":"FR"},
 "jobTitle":["Directrice commerciale"],
 "worksFor":[{"@type":"Organization","name":"Exemple Industries","url":"https://fr.linkedin.com/company/exemple-industries?trk=x","member":{"@type":"OrganizationRole","startDate":"2021-03"}}],
 "alumniOf":[{"@type":"Organization","name":"Ancienne Société","url":"https://fr.linkedin.com/company/ancienne-societe","member":{"@type":"OrganizationRole","startDate":"2015","endDate":"2021"}},
   {"@type":"EducationalOrganization","name":"École Exemple","url":"https://fr.linkedin.com/school/ecole-exemple/","member":{"@type":"OrganizationRole","startDate":2010,"endDate":2014}}],
 "knowsLanguage":[{"@type":"Language","name":"Français"},{"@type":"Language","name":"Anglais"}],
 "interactionStatistic":{"@type":"InteractionCounter","interactionType":"https://schema.org/FollowAction","name":"Follows","userInteractionCount":1234},
 "description":"Vente B2B dans l'industrie.\\n\\nJ'aide les PME à grandir."},
 {"@type":"WebPage","url":"https://fr.linkedin.com/in/camille-exemple-0000","reviewedBy":{"@type":"Person","name":"Camille Exemple"}}]}</script>
</head><body>
<main><section class="top-card-layout container-lined">
  <div class="top-card-layout__entity-info">
    <h1 class="top-card-layout__title">Camille Exemple</h1>
    <h2 class="top-card-layout__headline">Directrice commerciale chez Exemple Industries | Vente B2B</h2>
    <h3 class="top-card-layout__first-subline">
      <div class="profile-info-subheader"><div class="not-first-middot"><span>Lyon, Auvergne-Rhône-Alpes, France</span></div></div>
      <span class="top-card__subline-item">1 234 abonnés</span> <span class="top-card__subline-item">500+ relations</span>
    </h3>
  </div>
  <div class="top-card-layout__entity-info--right-column">
    <a data-section="currentPositionsDetails" href="https://fr.linkedin.com/company/exemple-industries"><span class="top-card-link__description">Exemple Industries</span></a>
  </div>
</section>
<section class="core-section-container summary" data-section="summary"><h2>Infos</h2>
  <div class="core-section-container__content"><p>Vente B2B dans l'industrie.</p></div></section>
<section class="core-section-container experience" data-section="experience"><h2>Expérience</h2>
  <ul class="experience__list">
    <li class="profile-section-card experience-item">
      <a href="https://fr.linkedin.com/company/exemple-industries?trk=public_profile_experience-item_profile-section-card_image-click"><img alt="Exemple Industries"></a>
      <div class="experience-item__contents">
        <h3 class="experience-item__title">Directrice commerciale</h3>
        <h4 class="experience-item__subtitle"><a href="https://fr.linkedin.com/company/exemple-industries?trk=x">Exemple Industries</a></h4>
        <div class="experience-item__meta">
          <p class="experience-item__meta-item"><span class="date-range"><time>mars 2021</time> - aujourd’hui <span class="before:middot">3 ans 9 mois</span></span></p>
          <p class="experience-item__meta-item">Lyon, Auvergne-Rhône-Alpes, France</p>
        </div>
        <div class="show-more-less-text"><p class="show-more-less-text__text--less">Équipe de 12 personnes.</p></div>
      </div>
    </li>
    <li class="experience-group experience-item">
      <a class="experience-group-header" href="https://fr.linkedin.com/company/ancienne-societe"><h4 class="experience-group-header__company">Ancienne Société</h4></a>
      <ul class="experience-group__positions">
        <li class="experience-group-position profile-section-card">
          <h3>Responsable grands comptes</h3>
          <p><span class="date-range"><time>janv. 2018</time> - <time>févr. 2021</time> <span class="before:middot">3 ans 2 mois</span></span></p>
          <p class="experience-group-position__location">Paris</p>
        </li>
        <li class="experience-group-position profile-section-card">
          <h3>Commerciale</h3>
          <p><span class="date-range"><time>sept. 2015</time> - <time>déc. 2017</time></span></p>
        </li>
      </ul>
    </li>
  </ul>
</section>
<section class="core-section-container education" data-section="educationsDetails"><h2>Formation</h2>
  <ul><li class="profile-section-card education__list-item">
    <a href="https://fr.linkedin.com/school/ecole-exemple/?trk=x"><img alt=""></a>
    <h3><a href="https://fr.linkedin.com/school/ecole-exemple/?trk=x">École Exemple</a></h3>
    <h4><span>Master</span><span>Commerce international</span></h4>
    <p><span class="date-range"><time>2010</time> - <time>2014</time></span></p>
  </li></ul>
</section>
<section class="core-section-container languages" data-section="languages"><h2>Langues</h2>
  <ul><li class="profile-section-card"><h3>Français</h3><h4>Bilingue ou langue natale</h4></li>
      <li class="profile-section-card"><h3>Anglais</h3><h4>Capacité professionnelle complète</h4></li></ul>
</section>
</main></body></html>`;

/*
 * HAND-MADE PAGE — NOT A RECORDED FIXTURE.
 * A minimal stand-in for the sign-up wall LinkedIn serves at /authwall after redirecting a logged-out
 * visitor: its <title> and pageKey are the markers the blocked-page checks read. Used to test that a
 * redirect to /authwall ends as `blocked`, whatever the wall's body looks like in detail.
 */
export const HAND_MADE_AUTHWALL = `<!DOCTYPE html>
<html lang="fr"><head>
<title>Sign Up | LinkedIn</title>
<meta name="pageKey" content="auth_wall_desktop_company">
</head><body>
<main><h1>Rejoignez LinkedIn</h1>
<form class="join-form"><input name="email-or-phone"><input name="password" type="password"></form></main>
</body></html>`;
