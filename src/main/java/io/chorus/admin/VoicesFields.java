package io.chorus.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import io.chorus.content.Network;

/**
 * The content editor's repeated fields as posted: each network's alternative messages ({@code alt-<network>}, one field
 * each) and the translations, one row each ({@code variant-language}, {@code variant-title}, {@code variant-body} and
 * {@code variant-<network>} and {@code variant-alt-<network>}, the network's other messages one per line, in the same
 * order). Blank alternatives and rows without a language are dropped.
 */
public class VoicesFields {

    @RestForm("alt-linkedin")
    public List<String> altLinkedin;
    @RestForm("alt-x")
    public List<String> altX;
    @RestForm("alt-facebook")
    public List<String> altFacebook;
    @RestForm("alt-xing")
    public List<String> altXing;
    @RestForm("alt-whatsapp")
    public List<String> altWhatsapp;
    @RestForm("alt-email")
    public List<String> altEmail;
    @RestForm("variant-language")
    public List<String> languages;
    @RestForm("variant-title")
    public List<String> titles;
    @RestForm("variant-body")
    public List<String> bodies;
    @RestForm("variant-linkedin")
    public List<String> linkedin;
    @RestForm("variant-x")
    public List<String> x;
    @RestForm("variant-facebook")
    public List<String> facebook;
    @RestForm("variant-xing")
    public List<String> xing;
    @RestForm("variant-whatsapp")
    public List<String> whatsapp;
    @RestForm("variant-email")
    public List<String> email;
    @RestForm("variant-alt-linkedin")
    public List<String> variantAltLinkedin;
    @RestForm("variant-alt-x")
    public List<String> variantAltX;
    @RestForm("variant-alt-facebook")
    public List<String> variantAltFacebook;
    @RestForm("variant-alt-xing")
    public List<String> variantAltXing;
    @RestForm("variant-alt-whatsapp")
    public List<String> variantAltWhatsapp;
    @RestForm("variant-alt-email")
    public List<String> variantAltEmail;

    /** The alternative messages typed, by network id, blanks dropped. */
    Map<String, List<String>> alternatives() {
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        alternatives.put(Network.LINKEDIN.id(), typed(altLinkedin));
        alternatives.put(Network.X.id(), typed(altX));
        alternatives.put(Network.FACEBOOK.id(), typed(altFacebook));
        alternatives.put(Network.XING.id(), typed(altXing));
        alternatives.put(Network.WHATSAPP.id(), typed(altWhatsapp));
        alternatives.put(Network.EMAIL.id(), typed(altEmail));
        return alternatives;
    }

    /** The translations typed, rows without a language dropped. */
    List<ContentForm.VariantField> variants() {
        List<ContentForm.VariantField> variants = new ArrayList<>();
        if (languages == null) {
            return variants;
        }
        for (int i = 0; i < languages.size(); i++) {
            String language = ContentForm.orEmpty(languages.get(i)).strip();
            if (language.isEmpty()) {
                continue;
            }
            variants.add(new ContentForm.VariantField(language, at(titles, i), at(bodies, i),
                    ContentForm.messages(at(linkedin, i), at(x, i), at(facebook, i), at(xing, i), at(whatsapp, i),
                            at(email, i)),
                    ContentForm.messages(at(variantAltLinkedin, i), at(variantAltX, i), at(variantAltFacebook, i),
                            at(variantAltXing, i), at(variantAltWhatsapp, i), at(variantAltEmail, i))));
        }
        return variants;
    }

    private static List<String> typed(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? "" : ContentForm.orEmpty(values.get(i));
    }
}
