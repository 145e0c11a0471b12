// Steps that many journeys share, written once: filling the interest form as a person would
// (every required field, the contact consent), and answering the question on screen.

/** Fills every required field of the interest form (a page or an embed's frame). */
export async function fillInterest(page, email) {
  await page.fill('#f-contact-first-name', 'Amina');
  await page.fill('#f-contact-last-name', 'Diallo');
  await page.fill('#f-contact-email', email);
  await page.check('#f-contact-preferred');
  await page.check('input[name="situation.residence"][value="montreal"]');
  await page.fill('#f-situation-occupation', 'Infirmière auxiliaire');
  await page.check('input[name="project.kind"][value="job"]');
  await page.check('#f-consent-contact');
}

/** Answers the question on screen with its first option (or 1) and sends it. */
export async function answerFirst(page) {
  await page.waitForSelector('form.question input');
  const type = await page.getAttribute('form.question input', 'type');
  if (type === 'text') await page.fill('form.question input', '1');
  else await page.check('form.question input >> nth=0');
  const before = page.url();
  await page.click('form.question button[type=submit]');
  await page.waitForURL((u) => u.toString() !== before);
}
