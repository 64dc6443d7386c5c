package io.damwebhooks.deliverylog.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of the delivery log, newest first, and the cursor of the next page (null on the last). */
@JsonbPropertyOrder({"items", "next"})
public class DeliveryPage {

    public List<DeliveryJson> items;

    @JsonbNillable
    public String next;

    /**
     * The page of {@code limit} out of {@code fetched}, which holds up to one item more than the page:
     * that one extra row tells whether an older page exists, without counting.
     */
    public static DeliveryPage of(List<DeliveryJson> fetched, int limit) {
        DeliveryPage page = new DeliveryPage();
        boolean more = fetched.size() > limit;
        page.items = more ? List.copyOf(fetched.subList(0, limit)) : List.copyOf(fetched);
        page.next = more ? Cursor.after(page.items.get(limit - 1).id) : null;
        return page;
    }
}
