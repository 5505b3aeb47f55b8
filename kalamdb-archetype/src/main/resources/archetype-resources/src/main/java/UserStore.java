package ${package};

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kalamdb.store.KalamStore;

/** Users by id, in the {@code users} column family of a {@link KalamStore}. */
public final class UserStore {

  /** The column family the users live in. */
  public static final String USERS = "users";

  private final KalamStore store;

  /** Keeps users in {@code store}, creating their column family when it is missing. */
  public UserStore(KalamStore store) {
    this.store = store;
    if (!store.columnFamilyNames().contains(USERS)) {
      store.createColumnFamily(USERS);
    }
  }

  /** Stores {@code name} under {@code id}, replacing any earlier name. */
  public void put(String id, String name) {
    store.put(USERS, id.getBytes(UTF_8), name.getBytes(UTF_8));
  }

  /** The name stored under {@code id}, if any. */
  public Optional<String> get(String id) {
    byte[] value = store.get(USERS, id.getBytes(UTF_8));
    return value == null ? Optional.empty() : Optional.of(new String(value, UTF_8));
  }

  /** The ids that start with {@code prefix}, in key order. */
  public List<String> idsStartingWith(String prefix) {
    List<String> ids = new ArrayList<>();
    store.scanPrefix(USERS, prefix.getBytes(UTF_8), (key, value) -> ids.add(new String(key, UTF_8)));
    return ids;
  }
}
