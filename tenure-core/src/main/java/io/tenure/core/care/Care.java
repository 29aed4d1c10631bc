package io.tenure.core.care;

import io.tenure.core.advice.Advice;

import java.util.List;
import java.util.Optional;

/**
 * The playbook's answer for one customer.
 *
 * @param sms        the whole text, ending with the sender and the opt-out line
 * @param segments   the SMS as sent: one of up to 70 characters, or several of 67
 * @param callScript opening, needs, offer, objections, closing
 * @param allowed    false when the customer refused marketing and the action carries an offer
 * @param why        the advisor's reasons in words, e.g. "3/3 months over the data allowance by 4–7 GB"
 */
public record Care(CareAction action, Optional<Advice.Option> offer, Channel channel, String sms, List<String> segments,
                   List<String> callScript, boolean allowed, String why) {

    public Care {
        segments = List.copyOf(segments);
        callScript = List.copyOf(callScript);
    }
}
